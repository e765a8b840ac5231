import { createWorld } from '../engine/createWorld';
import type { World } from '../engine/world';
import { complete, runLine } from '../cli/runLine';
import { promptFor } from '../cli/prompt';
import type { Shell } from '../cli/types';
import { HISTORY_LIMIT, TRANSCRIPT_LIMIT, UNDO_LIMIT, isControl, worldChanged, type SavedSession } from './session';
import type { LabData, Snapshot, TranscriptEntry } from './types';

/**
 * The store's way into the CLI: running a line and replaying a saved session. The page loads
 * this module (and with it the whole command line) on demand, when the student starts typing or a
 * saved session has lines to replay, so the first load carries only the picture and the terminal.
 */

export interface Step {
  readonly world: World;
  readonly shell: Shell;
  readonly entry: TranscriptEntry;
  readonly changed: boolean;
  readonly clear: boolean;
  readonly result: ReturnType<typeof runLine>;
}

/**
 * A throw from the CLI is a bug; the console shows it instead of going blank, and the world stays
 * as it was. Replay goes through here too, so a saved session replays to what the student saw.
 */
function safeRunLine(world: World, shell: Shell, line: string): ReturnType<typeof runLine> {
  try {
    return runLine(world, shell, line);
  } catch (e) {
    const text = `lab: internal error: ${e instanceof Error ? e.message : String(e)}\n`;
    return { world, shell, out: [{ stream: 'err', text }], exitCode: 70, events: [] };
  }
}

/** Runs one line through the CLI and describes it as a transcript entry. */
export function step(world: World, shell: Shell, line: string, seq: number, echo: string, source: 'console' | 'ui'): Step {
  const prompt = promptFor(world, shell);
  const result = safeRunLine(world, shell, line);
  return {
    world: result.world,
    shell: result.shell,
    entry: { seq, kind: 'line', prompt, echo, out: result.out, exitCode: result.exitCode, source },
    changed: worldChanged(world, result.world),
    clear: result.clear === true,
    result,
  };
}


/** Replays saved lines into session data. */
export function replay(saved: SavedSession): Pick<LabData, 'seed' | 'world' | 'shell' | 'lines' | 'past' | 'transcript' | 'nextSeq' | 'history'> {
  let world = createWorld(saved.seed);
  let shell: Shell = { at: 'host' };
  const transcript: TranscriptEntry[] = [];
  const past: Snapshot[] = [];
  const lines: string[] = [];
  let seq = 1;
  for (const line of saved.lines) {
    const s = step(world, shell, line, seq++, isControl(line) ? '' : line, 'console');
    if (s.changed) past.push({ world, shell, lineCount: lines.length, label: line });
    lines.push(line);
    world = s.world;
    shell = s.shell;
    if (s.clear) transcript.length = 0;
    else transcript.push(s.entry);
  }
  return {
    seed: saved.seed,
    world,
    shell,
    lines,
    past: past.slice(-UNDO_LIMIT),
    transcript: transcript.slice(-TRANSCRIPT_LIMIT),
    nextSeq: seq,
    history: (saved.history ?? saved.lines).slice(-HISTORY_LIMIT),
  };
}

/** What the store and the console use of the CLI, loaded as one chunk. */
export const cli = { step, replay, complete };
export type Cli = typeof cli;
