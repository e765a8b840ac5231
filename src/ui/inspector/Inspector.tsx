import { useEffect, useMemo } from 'react';
import { toTopology } from '../../engine/topology';
import { t } from '../../i18n';
import { useLab, useLabStore } from '../StoreContext';
import { inspectorModel } from './inspectorModel';

/** Details of the selected node, with the commands that show the same facts in the console. */
export function Inspector() {
  const store = useLabStore();
  const selection = useLab((s) => s.selection);
  const world = useLab((s) => s.world);
  const lang = useLab((s) => s.prefs.lang);
  const model = useMemo(() => (selection ? inspectorModel(world, toTopology(world), selection) : null), [world, selection]);

  useEffect(() => {
    if (!selection) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') store.getState().select(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selection, store]);

  if (!model) return null;
  return (
    <aside className="inspector" data-testid="inspector" aria-label={t(lang, 'inspector.title')}>
      <header className="inspector-head">
        <div>
          <div className="inspector-kind">{model.kind}</div>
          <h2 className="inspector-title">{model.title}</h2>
        </div>
        <button type="button" className="icon-button" onClick={() => store.getState().select(null)} aria-label={t(lang, 'inspector.close')} title={`${t(lang, 'inspector.close')} (Esc)`}>
          ×
        </button>
      </header>
      <dl className="inspector-rows">
        {model.rows.map((r) => (
          <div key={r.label} className="inspector-row">
            <dt>{t(lang, r.label)}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
      {model.sections.length > 0 && (
        <>
          <h3 className="inspector-h3">{t(lang, 'inspector.networks')}</h3>
          {model.sections.map((s) => (
            <section key={s.title} className="inspector-section" data-network={s.title}>
              <h4>{s.title}</h4>
              <dl className="inspector-rows">
                {s.rows.map((r) => (
                  <div key={r.label} className="inspector-row">
                    <dt>{t(lang, r.label)}</dt>
                    <dd>{r.value}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </>
      )}
      {model.commands.length > 0 && (
        <>
          <h3 className="inspector-h3">{t(lang, 'inspector.commands')}</h3>
          <ul className="inspector-commands">
            {model.commands.map((c) => (
              <li key={c}>
                <code>{c}</code>
                <button type="button" onClick={() => store.getState().runLine(c, { source: 'ui' })} data-command={c}>
                  {t(lang, 'inspector.run')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
