import { useState } from 'react';
import { t } from '../i18n';
import { ShareDialog } from './ShareDialog';
import { useLab, useLabStore } from './StoreContext';

export function Header({ onHelp }: { onHelp: () => void }) {
  const store = useLabStore();
  const prefs = useLab((s) => s.prefs);
  const canUndo = useLab((s) => s.past.length > 0);
  const canRedo = useLab((s) => s.future.length > 0);
  const { lang, theme } = prefs;
  const [share, setShare] = useState(false);
  const act = () => store.getState();
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
          <rect x="2" y="3" width="20" height="18" rx="4" />
          <path d="M6 15h4M14 15h4M8 9v6M16 9v6M12 9v0" />
        </svg>
        <h1>{t(lang, 'app.name')}</h1>
        <span className="tagline">{t(lang, 'app.tagline')}</span>
      </div>
      <nav className="header-actions">
        <button type="button" onClick={() => act().undo()} disabled={!canUndo} data-testid="undo">
          ↶ {t(lang, 'header.undo')}
        </button>
        <button type="button" onClick={() => act().redo()} disabled={!canRedo} data-testid="redo">
          ↷ {t(lang, 'header.redo')}
        </button>
        <button
          type="button"
          onClick={() => {
            if (window.confirm(t(lang, 'header.reset.confirm'))) act().reset();
          }}
          data-testid="reset"
        >
          {t(lang, 'header.reset')}
        </button>
        <span className="divider" aria-hidden="true" />
        <button type="button" onClick={() => setShare(true)} aria-haspopup="dialog" data-testid="share">
          {t(lang, 'header.share')}
        </button>
        <button type="button" onClick={onHelp} data-testid="help">
          {t(lang, 'header.help')}
        </button>
        <button
          type="button"
          onClick={() => act().setPrefs({ theme: theme === 'dark' ? 'light' : 'dark' })}
          aria-pressed={theme === 'dark'}
          data-testid="theme-toggle"
        >
          {theme === 'dark' ? `☀ ${t(lang, 'header.theme.light')}` : `☾ ${t(lang, 'header.theme.dark')}`}
        </button>
        <button
          type="button"
          onClick={() => act().setPrefs({ lang: lang === 'en' ? 'zh-CN' : 'en' })}
          title={t(lang, 'header.lang.title')}
          lang={lang === 'en' ? 'zh-CN' : 'en'}
          data-testid="lang-toggle"
        >
          {t(lang, 'header.lang')}
        </button>
      </nav>
      <ShareDialog open={share} onClose={() => setShare(false)} />
    </header>
  );
}
