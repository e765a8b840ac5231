import type { World } from '../engine/world';
import type { CheckResult, Feedback, Lesson, LessonProgress, Task, Why } from './types';

/**
 * The checker: pure functions from a lesson, the student's progress and the World to the next
 * progress and what to tell them. Tasks are done in order; a goal counts as soon as the World
 * shows it (whatever commands made it so); questions and choices wait for an answer.
 */

export function startProgress(lesson: Lesson): LessonProgress {
  return { lesson: lesson.id, done: [] };
}

export function activeTask(lesson: Lesson, p: LessonProgress): Task | undefined {
  return lesson.tasks.find((t) => !p.done.includes(t.id));
}

export function isComplete(lesson: Lesson, p: LessonProgress): boolean {
  return lesson.tasks.every((t) => p.done.includes(t.id));
}

/** A goal's check, with a bug in a check shown as "not yet" rather than breaking the page. */
export function runCheck(task: Task, w: World): CheckResult {
  if (task.kind !== 'goal') return { ok: false };
  try {
    return task.check(w);
  } catch {
    return { ok: false };
  }
}

/** Marks every goal the World now satisfies, in order, up to the first task still open. */
export function evaluate(lesson: Lesson, p: LessonProgress, w: World): { progress: LessonProgress; passed: readonly string[] } {
  const passed: string[] = [];
  let done = p.done;
  for (let t = activeTask(lesson, p); t?.kind === 'goal'; t = activeTask(lesson, { ...p, done })) {
    if (!runCheck(t, w).ok) break;
    done = [...done, t.id];
    passed.push(t.id);
  }
  return { progress: passed.length ? { ...p, done } : p, passed };
}

/**
 * After the student changed the World: the tasks it completed, or what the open goal still
 * misses (the more specific hint after a wrong try). Null when there is nothing to say.
 */
export function afterChange(lesson: Lesson, p: LessonProgress, w: World): { progress: LessonProgress; feedback: Feedback | null } {
  const { progress, passed } = evaluate(lesson, p, w);
  const last = passed[passed.length - 1];
  if (last) return { progress, feedback: { kind: 'passed', task: last } };
  const t = activeTask(lesson, progress);
  if (t?.kind !== 'goal') return { progress, feedback: null };
  const r = runCheck(t, w);
  return { progress, feedback: !r.ok && r.why ? { kind: 'missing', task: t.id, why: r.why } : null };
}

/** Answers compare without case, surrounding quotes, a trailing full stop or repeated spaces. */
export function normalise(s: string): string {
  return s
    .trim()
    .replace(/^[`'"“”‘’「」]+|[`'"“”‘’「」]+$/g, '')
    .replace(/[.。!！]+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

export function accepted(task: Task, w: World): readonly string[] | Why {
  if (task.kind === 'choice') return [task.correct];
  if (task.kind === 'goal') return [];
  try {
    return task.answer(w);
  } catch {
    return { id: 'cannot-ask' };
  }
}

/** The student answered the open question (or picked a choice). */
export function answer(lesson: Lesson, p: LessonProgress, w: World, taskId: string, given: string): { progress: LessonProgress; feedback: Feedback } {
  const t = lesson.tasks.find((x) => x.id === taskId);
  if (!t || t.kind === 'goal' || p.done.includes(t.id)) return { progress: p, feedback: { kind: 'wrong-answer', task: taskId } };
  const ok = accepted(t, w);
  if (!Array.isArray(ok)) return { progress: p, feedback: { kind: 'wrong-answer', task: t.id, why: ok as Why } };
  const g = normalise(given);
  if (g !== '' && (ok as readonly string[]).some((a) => normalise(a) === g)) {
    // Answering may unblock goals the student already reached further on.
    const next = evaluate(lesson, { ...p, done: [...p.done, t.id] }, w);
    return { progress: next.progress, feedback: { kind: 'passed', task: next.passed[next.passed.length - 1] ?? t.id } };
  }
  const why = t.kind === 'question' && t.wrong ? t.wrong(w, g) : undefined;
  return { progress: p, feedback: { kind: 'wrong-answer', task: t.id, ...(why ? { why } : {}) } };
}
