import { useEffect, useMemo, useRef } from 'react';
import { t, type Lang } from '../../i18n';
import { useLab, useLabStore } from '../StoreContext';
import { inspectorModel, type Row } from './inspectorModel';

/** The element drawn for a node in the picture, to give focus back to it. */
function nodeElement(id: string): HTMLElement | SVGElement | null {
  return document.querySelector(`[data-testid="topology"] [data-node-id="${CSS.escape(id)}"]`);
}

function Value({ r }: { r: Row }) {
  if (r.list && r.list.length > 1) {
    return (
      <dd>
        <ul className="inspector-list">
          {r.list.map((v, i) => (
            <li key={i}>{v}</li>
          ))}
        </ul>
      </dd>
    );
  }
  return <dd>{r.value}</dd>;
}

function Rows({ rows, lang }: { rows: readonly Row[]; lang: Lang }) {
  return (
    <dl className="inspector-rows">
      {rows.map((r) => (
        <div key={r.label} className="inspector-row" data-row={r.label}>
          <dt>{t(lang, r.label)}</dt>
          <Value r={r} />
        </div>
      ))}
    </dl>
  );
}

/**
 * Details of the selected object, with the commands that show the same facts in the console.
 * Keyboard: it takes focus when opened from the keyboard, Escape closes it and gives focus back
 * to the object in the picture. Everything is rendered as text (React escapes it).
 */
export function Inspector({ focusOnOpen }: { focusOnOpen: { current: boolean } }) {
  const store = useLabStore();
  const selection = useLab((s) => s.selection);
  // Closed, the inspector does not follow the World (every line makes a new one).
  const world = useLab((s) => (s.selection ? s.world : null));
  const lang = useLab((s) => s.prefs.lang);
  const model = useMemo(() => (selection && world ? inspectorModel(world, selection) : null), [world, selection]);
  const title = useRef<HTMLHeadingElement>(null);

  const close = () => {
    const id = store.getState().selection;
    store.getState().select(null);
    if (id) nodeElement(id)?.focus();
  };

  useEffect(() => {
    if (!selection) return;
    if (focusOnOpen.current) {
      focusOnOpen.current = false;
      title.current?.focus();
    }
    const onKey = (e: KeyboardEvent) => {
      // The terminal keeps Escape for itself (it is a key a shell may use).
      if (e.key === 'Escape' && !(e.target instanceof Element && e.target.closest('.xterm'))) {
        e.preventDefault();
        close();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selection]);

  if (!model) return null;
  return (
    <aside className="inspector" data-testid="inspector" data-kind={model.kind} aria-labelledby="inspector-title">
      <header className="inspector-head">
        <div>
          <div className="inspector-kind">{model.kind}</div>
          <h2 className="inspector-title" id="inspector-title" ref={title} tabIndex={-1}>
            {model.title}
          </h2>
        </div>
        <button type="button" className="icon-button" onClick={close} aria-label={t(lang, 'inspector.close')} title={`${t(lang, 'inspector.close')} (Esc)`} data-testid="inspector-close">
          ×
        </button>
      </header>
      <Rows rows={model.rows} lang={lang} />
      {model.sections.length > 0 && (
        <>
          <h3 className="inspector-h3">{t(lang, 'inspector.networks')}</h3>
          {model.sections.map((s) => (
            <section key={s.title} className="inspector-section" data-network={s.title}>
              <h4>{s.title}</h4>
              <Rows rows={s.rows} lang={lang} />
            </section>
          ))}
        </>
      )}
      {model.more && model.more.length > 0 && <Rows rows={model.more} lang={lang} />}
      {model.commands.length > 0 && (
        <>
          <h3 className="inspector-h3">{t(lang, 'inspector.commands')}</h3>
          <ul className="inspector-commands">
            {model.commands.map((c) => (
              <li key={c}>
                <code>{c}</code>
                <button type="button" onClick={() => store.getState().runLine(c, { source: 'ui' })} data-command={c} aria-label={`${t(lang, 'inspector.run')}: ${c}`}>
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
