import type { Lang } from '../i18n';
import type { EngineEvent } from '../engine/events';
import type { Hop } from '../engine/packet/types';
import type { Topology } from '../engine/topology';
import type { World } from '../engine/world';
import type { OutChunk, Shell } from '../cli/types';

/** One thing the console printed: a line the student (or a UI button) ran, or a note from the lab. */
export interface TranscriptEntry {
  readonly seq: number;
  readonly kind: 'line' | 'note';
  /** Prompt shown before the line (empty for notes). */
  readonly prompt: string;
  /** What the console shows after the prompt (for ^C: the abandoned input). */
  readonly echo: string;
  readonly out: readonly OutChunk[];
  readonly exitCode: number;
  /** Where the line came from: typed in the console, or run by a button elsewhere. */
  readonly source: 'console' | 'ui';
}

/** A state the student can go back to: the world and shell, and how many lines produced them. */
export interface Snapshot {
  readonly world: World;
  readonly shell: Shell;
  readonly lineCount: number;
  /** The line that led away from this state (shown in undo/redo notes). */
  readonly label: string;
}

/** A state undone, to redo: it keeps the lines, which undo cut from the session's list. */
export interface RedoSnapshot {
  readonly world: World;
  readonly shell: Shell;
  readonly lines: readonly string[];
  readonly label: string;
}

export type NoticeKey = 'session-corrupt' | 'session-restored' | 'load-failed' | 'nothing-to-undo' | 'nothing-to-redo' | 'chunk-failed' | 'share-invalid' | 'share-opened';

export interface Notice {
  readonly key: NoticeKey;
  readonly detail?: string;
  /** Increments so the same notice shown twice is still a change. */
  readonly seq: number;
}

export type Theme = 'light' | 'dark';
export type { Lang };

export interface Prefs {
  readonly theme: Theme;
  readonly lang: Lang;
}

export interface PacketTrace {
  readonly seq: number;
  readonly hops: readonly Hop[];
  readonly delivered: boolean;
}

export interface RunOptions {
  /** What the console shows after the prompt instead of the line (control keys). */
  readonly echo?: string;
  readonly source?: 'console' | 'ui';
  /** Record the line in the ↑/↓ history (not for control keys). Default true. */
  readonly remember?: boolean;
}

export interface LabData {
  readonly seed: number;
  readonly world: World;
  readonly shell: Shell;
  /** Every line run since the last reset that the current world depends on; replayed on load. */
  readonly lines: readonly string[];
  readonly past: readonly Snapshot[];
  readonly future: readonly RedoSnapshot[];
  readonly transcript: readonly TranscriptEntry[];
  /** Bumped when the transcript is replaced rather than appended to (clear, reset, load). */
  readonly transcriptEpoch: number;
  readonly nextSeq: number;
  /** Lines typed, oldest first, for ↑/↓ (kept across undo). */
  readonly history: readonly string[];
  /** Selected topology node id. */
  readonly selection: string | null;
  readonly lastPacket: PacketTrace | null;
  /** Events of the last line, for views that react to what just happened. */
  readonly lastEvents: readonly EngineEvent[];
  readonly notice: Notice | null;
  readonly prefs: Prefs;
  /** The command line's chunk is loaded: lines run at once (before, they wait for it). */
  readonly cliReady: boolean;
  /** A whole-lab change is under way (see hold): typed lines wait for it. */
  readonly busy: boolean;
  /** What an open lesson points at, highlighted while nothing is selected (ids derived from the topology). */
  readonly focus: ((t: Topology) => readonly string[]) | null;
}

export interface LabActions {
  /** Loads the command line (once per page); resolves when lines run synchronously, rejects (with a notice) when it cannot be fetched. */
  prepare(): Promise<void>;
  /** Shows a notice. */
  notify(key: NoticeKey, detail?: string): void;
  /**
   * Marks a change of the whole lab as under way (a lesson starting while its chunks load):
   * the console runs typed lines only after it, so they land on the host the change builds.
   */
  hold(work: Promise<unknown>): void;
  /** Resolves when the CLI is loaded and nothing is held. */
  ready(): Promise<void>;
  runLine(line: string, opts?: RunOptions): void;
  undo(): void;
  redo(): void;
  reset(seed?: number): void;
  select(id: string | null): void;
  /** Replaces the session with a saved one (validated); false and a notice when it cannot be read. */
  load(data: unknown): boolean;
  clearScreen(): void;
  dismissNotice(): void;
  setPrefs(p: Partial<Prefs>): void;
  setFocus(focus: LabData['focus']): void;
}

export type LabState = LabData & LabActions;
