import { useLab } from '../StoreContext';
import { t } from '../../i18n';
import { isControl } from '../../store';

const SHOWN = 200;

/**
 * The console's output as plain text in a live region: xterm draws on a grid a screen reader
 * cannot follow well, and tests read the terminal from here. Visually hidden, never aria-hidden.
 */
export function AccessibleLog() {
  const transcript = useLab((s) => s.transcript);
  const lang = useLab((s) => s.prefs.lang);
  const shown = transcript.slice(-SHOWN);
  return (
    <div className="sr-only" role="log" aria-live="polite" aria-label={t(lang, 'console.log')} data-testid="terminal-log">
      {shown.map((e) => (
        <pre key={e.seq} data-exit={e.exitCode} className={e.exitCode === 0 ? undefined : 'failed'}>
          {e.kind === 'line' ? `${e.prompt}${isControl(e.echo) ? '' : e.echo}\n` : ''}
          {e.out.map((o) => o.text).join('')}
        </pre>
      ))}
    </div>
  );
}
