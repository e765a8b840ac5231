import { isComplete } from '../../lessons/checker';
import { lessonById } from '../../lessons';
import { answered, openLesson, worldChanged } from '../../lessons/session';
import type { LabStore } from '../../store';
import { worldChanged as hostChanged } from '../../store/session';
import type { LessonUiStore } from './lessonStore';

/**
 * What the lessons panel does to the lab: start a lesson on a fresh host (its setup replayed
 * through the lab store, so reload and undo work as for typed lines), open the sandbox, and
 * check the student's tries as they happen. No React here: the panel calls these.
 */
export class LessonController {
  private starting = false;

  constructor(readonly lab: LabStore, readonly ui: LessonUiStore) {}

  start(id: string): void {
    const lesson = lessonById(id);
    if (!lesson) return;
    const s = this.lab.getState();
    this.starting = true;
    try {
      s.select(null);
      s.load({ v: 1, seed: s.seed, lines: [...lesson.setup], history: [...s.history] });
      if (lesson.hideSetup) this.lab.getState().clearScreen();
    } finally {
      this.starting = false;
    }
    this.ui.setState({ current: id, session: openLesson(lesson, this.lab.getState().world), hints: {}, solutions: {}, peek: null, open: true });
  }

  /** Leave the lesson (its progress is kept) and play on a fresh host. */
  sandbox(): void {
    this.ui.setState({ current: null, session: null, hints: {}, solutions: {}, peek: null });
    this.lab.getState().reset();
  }

  back(): void {
    this.ui.setState({ current: null, session: null, peek: null });
  }

  answer(task: string, text: string): void {
    const { current, session } = this.ui.getState();
    const lesson = current ? lessonById(current) : undefined;
    if (!lesson || !session) return;
    this.commit(answered(lesson, session, this.lab.getState().world, task, text));
  }

  runLine(line: string): void {
    this.lab.getState().runLine(line, { source: 'ui' });
  }

  private commit(session: ReturnType<typeof answered>): void {
    const { current, completed } = this.ui.getState();
    const lesson = current ? lessonById(current) : undefined;
    const done = lesson && isComplete(lesson, session.progress) && !completed.includes(lesson.id);
    this.ui.setState({ session, ...(done ? { completed: [...completed, lesson.id] } : {}) });
  }

  /** Checks every try: a line that changed the host (a command, undo, redo) or that failed. */
  bind(): () => void {
    const { current, session } = this.ui.getState();
    const lesson = current ? lessonById(current) : undefined;
    // After a reload the host was rebuilt by replay: goals it already meets count.
    if (lesson && session) this.commit(worldChanged(lesson, session, this.lab.getState().world));
    return this.lab.subscribe((s, prev) => {
      if (this.starting) return;
      const last = s.transcript[s.transcript.length - 1];
      const failed = s.nextSeq !== prev.nextSeq && last !== undefined && last !== prev.transcript[prev.transcript.length - 1] && last.exitCode !== 0;
      if (!hostChanged(prev.world, s.world) && !failed) return;
      const ui = this.ui.getState();
      const l = ui.current ? lessonById(ui.current) : undefined;
      if (l && ui.session) this.commit(worldChanged(l, ui.session, s.world));
    });
  }
}
