import type { Container } from '../engine/docker/types';
import type { World } from '../engine/world';
import { container, imageName, ipOn } from './probe';
import type { CheckResult, ChoiceTask, GoalTask, NodeSelector, QuestionTask, Why } from './types';

/**
 * Small builders shared by the lessons. The common "why" ids (missing, exited, wrong-image,
 * cannot-ask) have their words in the lessons' UI strings, so every lesson can use them.
 */

export const OK: CheckResult = { ok: true };
export const notYet = (id: string, vars?: Why['vars']): CheckResult => ({ ok: false, why: { id, ...(vars ? { vars } : {}) } });

/** A container found, or why not: a union on `why` because a Container has an `id` too. */
export type Found = { readonly c: Container; readonly why?: undefined } | { readonly c?: undefined; readonly why: Why };

/** Turns a Found that failed into the goal's result. */
export const fail = (f: { readonly why: Why }): CheckResult => ({ ok: false, why: f.why });

/** Images whose main process is a shell: without -it it reads end-of-file and exits at once. */
const SHELL_IMAGES = new Set(['alpine', 'busybox', 'ubuntu', 'debian']);

/** The running container `name` (of `image` when given), or why it cannot be used yet. */
export function needRunning(w: World, name: string, image?: string): Found {
  const c = container(w, name);
  if (!c) return { why: { id: 'missing', vars: { name } } };
  if (image && imageName(c) !== image) return { why: { id: 'wrong-image', vars: { name, image, actual: imageName(c) } } };
  if (c.state !== 'running') return { why: { id: SHELL_IMAGES.has(imageName(c)) ? 'exited-shell' : 'exited', vars: { name } } };
  return { c };
}

export function goal(id: string, check: (w: World) => CheckResult, solution: readonly string[], focus?: readonly NodeSelector[]): GoalTask {
  return { kind: 'goal', id, check, solution, ...(focus ? { focus } : {}) };
}

export function question(
  id: string,
  answer: QuestionTask['answer'],
  solution: readonly string[],
  more: { wrong?: QuestionTask['wrong']; focus?: readonly NodeSelector[] } = {},
): QuestionTask {
  return { kind: 'question', id, answer, solution, ...more };
}

export function choice(id: string, choices: readonly string[], correct: string, solution: readonly string[], focus?: readonly NodeSelector[]): ChoiceTask {
  return { kind: 'choice', id, choices, correct, solution, ...(focus ? { focus } : {}) };
}

/** `name` runs with an address on the default bridge (docker0). */
export function onDefaultBridge(w: World, name: string, image?: string): CheckResult {
  const { c, why } = needRunning(w, name, image);
  if (why) return { ok: false, why };
  return ipOn(w, c, 'bridge') ? OK : notYet('not-default-bridge', { name, mode: c.networkMode });
}
