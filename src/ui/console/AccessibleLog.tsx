import { memo } from 'react';
import { useLab } from '../StoreContext';
import { t } from '../../i18n';
import { isControl } from '../../store';
import type { TranscriptEntry } from '../../store/types';

const SHOWN = 200;

/** One entry; entries never change once written, so React skips them after the first render. */
const Entry = memo(function Entry({ e }: { e: TranscriptEntry }) {
  return (
    <pre data-exit={e.exitCode} className={e.exitCode === 0 ? undefined : 'failed'}>
      {e.kind === 'line' ? `${e.prompt}${isControl(e.echo) ? '' : e.echo}\n` : ''}
      {e.out.map((o) => o.text).join('')}
    </pre>
  );
});

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
        <Entry key={e.seq} e={e} />
      ))}
    </div>
  );
}
