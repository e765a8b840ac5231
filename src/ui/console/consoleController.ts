import { CTRL_C, CTRL_P_Q } from '../../cli/control';
import { promptFor } from '../../cli/prompt';
import { cliNow, type LabStore } from '../../store';
import type { TranscriptEntry } from '../../store/types';
import { EMPTY, applyCompletion, applyKey, decodeKeys, type EditorState, type Effect, type Key } from './lineEditor';
import { AT_START, formatEntry, formatList, redrawInput, type InputScreen } from './screen';

/** The part of xterm the controller uses, so it can be driven by a fake in tests. */
export interface TermLike {
  write(data: string): void;
  clear(): void;
  readonly cols: number;
}

/** Runs a function soon, after the browser had a chance to paint and handle input. */
export type Scheduler = (f: () => void) => void;

/** A macrotask without setTimeout's 4 ms clamp: a MessageChannel message. */
function messageScheduler(): Scheduler {
  if (typeof MessageChannel === 'undefined') return (f) => setTimeout(f, 0);
  const ch = new MessageChannel();
  const queue: (() => void)[] = [];
  ch.port1.onmessage = () => queue.shift()?.();
  return (f) => {
    queue.push(f);
    ch.port2.postMessage(0);
  };
}

/**
 * Glue between the terminal, the line editor and the store. Keys go through the pure editor;
 * submitted lines go to the store; whatever the store appends to the transcript is written
 * here, including lines run from elsewhere (the inspector's buttons), which are echoed as if
 * typed so the terminal always shows the whole story.
 *
 * A paste of many lines runs one line per task: the picture and the terminal are painted
 * between lines and the page stays responsive (Ctrl-C drops the lines not yet run).
 */
export class ConsoleController {
  private ed: EditorState = EMPTY;
  private screen: InputScreen = AT_START;
  private lastSeq = 0;
  private ownLine = false;
  private readonly unsubscribe: () => void;
  private readonly pending: Key[] = [];
  private draining = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly term: TermLike,
    private readonly store: LabStore,
    greeting: string,
    private readonly schedule: Scheduler = messageScheduler(),
  ) {
    if (greeting) term.write(greeting);
    this.writeAll();
    this.unsubscribe = store.subscribe((s, prev) => {
      if (s.transcriptEpoch !== prev.transcriptEpoch) {
        this.term.clear();
        this.term.write('\x1b[H\x1b[2J');
        this.screen = AT_START;
        this.writeAll();
        return;
      }
      const fresh = s.transcript.filter((e) => e.seq > this.lastSeq);
      if (fresh.length) this.writeEntries(fresh);
      else if (s.shell !== prev.shell) this.drawInput();
    });
  }

  dispose(): void {
    this.unsubscribe();
    this.pending.length = 0;
  }

  /** Data from xterm: typed keys or a paste. */
  input(data: string): void {
    const keys = decodeKeys(data);
    // Ctrl-C also drops the pasted lines still waiting to run.
    if (keys.some((k) => k.type === 'ctrl-c') && this.pending.length) {
      const at = this.pending.length;
      this.pending.splice(0, at);
    }
    this.pending.push(...keys);
    // The first key fetches the command line, so it is there by the time Enter or Tab needs it.
    if (!this.store.getState().cliReady) void this.store.getState().prepare().catch(() => undefined);
    if (!this.draining) this.drain();
  }

  /** Resolves when every key received so far has been handled (pasted lines included). */
  whenIdle(): Promise<void> {
    if (!this.draining && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private drain(): void {
    this.draining = true;
    while (this.pending.length) {
      const key = this.pending[0] as Key;
      // Editing runs at once; a key that needs the CLI (Enter, Tab, ^C…) waits for its chunk, and
      // for a lesson that is being set up (its setup replaces the host).
      const st = this.store.getState();
      if ((!st.cliReady || st.busy) && this.needsCli(key)) {
        void st.ready().then(
          () => this.drain(),
          () => this.loadFailed(),
        );
        return;
      }
      this.pending.shift();
      const submitted = this.key(key);
      if (submitted && this.pending.length) {
        this.schedule(() => this.drain());
        return;
      }
    }
    this.finishDrain();
  }

  /** The CLI could not be fetched: say so, keep the typed line, and let Enter try again. */
  private loadFailed(): void {
    this.pending.length = 0;
    this.endInput(this.ed);
    this.term.write('\x1b[31mlab: the command line could not be loaded (is the connection down?); press Enter to try again\x1b[0m\r\n');
    this.drawInput();
    this.finishDrain();
  }

  private finishDrain(): void {
    this.draining = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private needsCli(key: Key): boolean {
    const s = this.store.getState();
    return applyKey(this.ed, key, { history: s.history, canDetach: s.shell.at === 'container' }).effects.length > 0;
  }

  /** Applies one key; true when it ran a line. */
  private key(key: Key): boolean {
    const s = this.store.getState();
    const r = applyKey(this.ed, key, { history: s.history, canDetach: s.shell.at === 'container' });
    const before = this.ed;
    this.ed = r.state;
    if (r.effects.length === 0) {
      if (before !== r.state) this.drawInput();
      return false;
    }
    let ran = false;
    for (const e of r.effects) {
      this.perform(e, before);
      if (e.type === 'submit' || e.type === 'interrupt' || e.type === 'detach') ran = true;
    }
    return ran;
  }

  private perform(e: Effect, before: EditorState): void {
    const st = this.store.getState();
    switch (e.type) {
      case 'submit':
        this.endInput(before);
        this.run(e.line, { echo: e.line });
        break;
      case 'interrupt':
        this.endInput(before, false);
        this.run(CTRL_C, { echo: e.abandoned, remember: false });
        break;
      case 'detach':
        this.endInput(before);
        this.run(CTRL_P_Q, { echo: '', remember: false });
        break;
      case 'clear-screen':
        st.clearScreen();
        break;
      case 'complete': {
        const r = applyCompletion(this.ed, cliNow()?.complete(st.world, st.shell, e.before) ?? []);
        this.ed = r.state;
        if (r.list) {
          this.endInput(this.ed);
          this.term.write(formatList(r.list, this.term.cols));
          this.screen = AT_START;
        }
        this.drawInput();
        break;
      }
    }
  }

  private run(line: string, opts: { echo: string; remember?: boolean }): void {
    this.ownLine = true;
    try {
      this.store.getState().runLine(line, { ...opts, source: 'console' });
    } finally {
      this.ownLine = false;
    }
  }

  /** Leaves the cursor after the input (and, with newline, on the next row) before output follows. */
  private endInput(s: EditorState, newline = true): void {
    const prompt = promptFor(this.store.getState().world, this.store.getState().shell);
    const r = redrawInput(prompt, { ...s, cursor: s.buf.length }, this.term.cols, this.screen);
    this.term.write(r.out + (newline ? '\r\n' : ''));
    this.screen = AT_START;
  }

  private drawInput(): void {
    const s = this.store.getState();
    const r = redrawInput(promptFor(s.world, s.shell), this.ed, this.term.cols, this.screen);
    this.term.write(r.out);
    this.screen = r.screen;
  }

  private writeAll(): void {
    const entries = this.store.getState().transcript;
    let text = '';
    for (const e of entries) text += formatEntry(e);
    // One write: xterm is ~2.5× faster with batched writes than one per line.
    if (text) this.term.write(text);
    this.lastSeq = entries[entries.length - 1]?.seq ?? this.lastSeq;
    this.screen = AT_START;
    this.drawInput();
  }

  private writeEntries(entries: readonly TranscriptEntry[]): void {
    let text = '';
    for (const e of entries) {
      if (e.kind === 'line' && this.ownLine && e.source === 'console') {
        // The console already shows the prompt and the line: only the output is new.
        text += formatEntry({ ...e, prompt: '', echo: '' }).replace(/^\r\n/, '');
      } else {
        if (!text) text += this.clearInput();
        text += formatEntry(e);
      }
      this.lastSeq = e.seq;
    }
    this.term.write(text);
    this.screen = AT_START;
    this.drawInput();
  }

  /** Wipes the half-typed input so an entry from elsewhere can be written in its place. */
  private clearInput(): string {
    const up = this.screen.cursorRow > 0 ? `\x1b[${this.screen.cursorRow}A` : '';
    this.screen = AT_START;
    return `${up}\r\x1b[J`;
  }
}
