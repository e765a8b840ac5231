import type { World } from '../engine/world';
import { afterChange, answer, evaluate, isComplete, startProgress } from './checker';
import type { Feedback, Lesson, LessonProgress } from './types';

/**
 * What the lessons panel remembers about the open lesson, and how it changes. The browser's
 * panel and the headless scenario player both go through these functions, so a scenario that
 * passes headless saw the same feedback a student would.
 */
export interface LessonSession {
  readonly progress: LessonProgress;
  /** The last thing the checker said (after a try or an answer). */
  readonly feedback: Feedback | null;
}

/** A lesson just opened on a World set up for it: goals the setup already meets count at once. */
export function openLesson(lesson: Lesson, w: World): LessonSession {
  return { progress: evaluate(lesson, startProgress(lesson), w).progress, feedback: null };
}

/** The student tried something: a line changed the World (a command, undo, a button) or failed. */
export function worldChanged(lesson: Lesson, s: LessonSession, w: World): LessonSession {
  if (isComplete(lesson, s.progress)) return s;
  const r = afterChange(lesson, s.progress, w);
  return { progress: r.progress, feedback: r.feedback };
}

export function answered(lesson: Lesson, s: LessonSession, w: World, task: string, given: string): LessonSession {
  const r = answer(lesson, s.progress, w, task, given);
  return { progress: r.progress, feedback: r.feedback };
}

/** The Why shown for a task right now, if the last feedback was about it. */
export function whyFor(s: LessonSession, task: string): string | undefined {
  const f = s.feedback;
  if (!f || f.task !== task || f.kind === 'passed') return undefined;
  return f.why?.id ?? (f.kind === 'wrong-answer' ? 'wrong-answer' : undefined);
}
