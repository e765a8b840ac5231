import { isComplete } from '../../lessons/checker';
import { lessonById } from '../../lessons';
import { answered, openLesson, worldChanged } from '../../lessons/session';
import { worldChanged as hostChanged } from '../../store/session';
import type { LessonController } from './lessonController';

/**
 * The checking half of the lessons, loaded with the first lesson opened: start a lesson, take an
 * answer, and check every try of the student against the open lesson's goals.
 */

export function startLesson(ctl: LessonController, id: string): void {
  const lesson = lessonById(id);
  if (!lesson) return;
  const s = ctl.lab.getState();
  ctl.starting = true;
  try {
    s.select(null);
    s.load({ v: 1, seed: s.seed, lines: [...lesson.setup], history: [...s.history] });
    if (lesson.hideSetup) ctl.lab.getState().clearScreen();
  } finally {
    ctl.starting = false;
  }
  ctl.ui.setState({ current: id, session: openLesson(lesson, ctl.lab.getState().world), hints: {}, solutions: {}, peek: null, open: true });
}

export function answerTask(ctl: LessonController, task: string, text: string): void {
  const { current, session } = ctl.ui.getState();
  const lesson = current ? lessonById(current) : undefined;
  if (!lesson || !session) return;
  commit(ctl, answered(lesson, session, ctl.lab.getState().world, task, text));
}

function commit(ctl: LessonController, session: ReturnType<typeof answered>): void {
  const { current, completed } = ctl.ui.getState();
  const lesson = current ? lessonById(current) : undefined;
  const done = lesson && isComplete(lesson, session.progress) && !completed.includes(lesson.id);
  ctl.ui.setState({ session, ...(done ? { completed: [...completed, lesson.id] } : {}) });
}

/** Checks every try: a line that changed the host (a command, undo, redo) or that failed. */
export function bindChecks(ctl: LessonController): () => void {
  const { current, session } = ctl.ui.getState();
  const lesson = current ? lessonById(current) : undefined;
  // After a reload the host was rebuilt by replay: goals it already meets count. No feedback yet:
  // a hint about what is missing comes after the student's first try, not on opening the lesson.
  if (lesson && session) commit(ctl, { ...worldChanged(lesson, session, ctl.lab.getState().world), feedback: session.feedback });
  return ctl.lab.subscribe((s, prev) => {
    if (ctl.starting) return;
    const last = s.transcript[s.transcript.length - 1];
    const failed = s.nextSeq !== prev.nextSeq && last !== undefined && last !== prev.transcript[prev.transcript.length - 1] && last.exitCode !== 0;
    if (!hostChanged(prev.world, s.world) && !failed) return;
    const ui = ctl.ui.getState();
    const l = ui.current ? lessonById(ui.current) : undefined;
    if (l && ui.session) commit(ctl, worldChanged(l, ui.session, s.world));
  });
}
