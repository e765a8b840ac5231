import { memo } from 'react';
import { useLab } from '../StoreContext';
import { t } from '../../i18n';
import { isControl } from '../../store';
import type { TranscriptEntry } from '../../store/types';

const SHOWN = 200;
/** Entries are rendered in blocks of consecutive sequence numbers (see Block). */
const BLOCK = 16;

/** One entry; entries never change once written. */
function Entry({ e }: { e: TranscriptEntry }) {
  return (
    <pre data-exit={e.exitCode} className={e.exitCode === 0 ? undefined : 'failed'}>
      {e.kind === 'line' ? `${e.prompt}${isControl(e.echo) ? '' : e.echo}\n` : ''}
      {e.out.map((o) => o.text).join('')}
    </pre>
  );
}

const sameEntries = (a: { entries: readonly TranscriptEntry[] }, b: { entries: readonly TranscriptEntry[] }) =>
  a.entries.length === b.entries.length && a.entries.every((e, i) => e === b.entries[i]);

/**
 * Up to BLOCK entries, as siblings (a fragment: the log's DOM is a flat list of <pre>). A line
 * appends one entry, so every block but the last (and the first, as the window slides) holds the
 * same entries as last time and React skips it with one comparison instead of one per entry.
 */
const Block = memo(function Block({ entries }: { entries: readonly TranscriptEntry[] }) {
  return (
    <>
      {entries.map((e) => (
        <Entry key={e.seq} e={e} />
      ))}
    </>
  );
}, sameEntries);

/**
 * The console's output as plain text in a live region: xterm draws on a grid a screen reader
 * cannot follow well, and tests read the terminal from here. Visually hidden, never aria-hidden.
 */
export function AccessibleLog() {
  const transcript = useLab((s) => s.transcript);
  const lang = useLab((s) => s.prefs.lang);
  const blocks: { key: number; entries: TranscriptEntry[] }[] = [];
  for (let i = Math.max(0, transcript.length - SHOWN); i < transcript.length; i++) {
    const e = transcript[i] as TranscriptEntry;
    const key = Math.floor(e.seq / BLOCK);
    const last = blocks[blocks.length - 1];
    if (last && last.key === key) last.entries.push(e);
    else blocks.push({ key, entries: [e] });
  }
  return (
    <div className="sr-only" role="log" aria-live="polite" aria-label={t(lang, 'console.log')} data-testid="terminal-log">
      {blocks.map((b) => (
        <Block key={b.key} entries={b.entries} />
      ))}
    </div>
  );
}
