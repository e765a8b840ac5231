import { runLine } from '../../cli/runLine';
import type { Shell } from '../../cli/types';
import { createWorld } from '../../engine/createWorld';
import { toTopology, type Topology } from '../../engine/topology';
import type { World } from '../../engine/world';
import { activeTask, isComplete } from '../checker';
import { lessonById } from '../index';
import { answered, openLesson, whyFor, worldChanged, type LessonSession } from '../session';
import type { Lesson } from '../types';
import type { Scenario, Step } from './schema';

/**
 * Plays a scenario headless: lines through runLine, clicks and node expectations against
 * toTopology, lesson steps through the same session functions as the browser's panel. The
 * inspector's text comes from the caller (it is the UI's model, which this layer may not import).
 */

export type InspectText = (world: World, topo: Topology, id: string) => string;

export interface PlayState {
  world: World;
  shell: Shell;
  lastOutput: string;
  selection: string | null;
  lesson?: Lesson;
  session?: LessonSession;
}

export const SEED = 1;

/** A fresh host with the lesson's setup run on it, as the panel's "start lesson" does. */
export function startState(lessonId: string | undefined): PlayState {
  let world = createWorld(SEED);
  let shell: Shell = { at: 'host' };
  const lesson = lessonId === undefined ? undefined : lessonById(lessonId);
  if (lessonId !== undefined && !lesson) throw new Error(`unknown lesson "${lessonId}"`);
  for (const line of lesson?.setup ?? []) {
    const r = runLine(world, shell, line);
    world = r.world;
    shell = r.shell;
  }
  return { world, shell, lastOutput: '', selection: null, ...(lesson ? { lesson, session: openLesson(lesson, world) } : {}) };
}

function matchText(what: string, actual: string, t: { contains?: string | undefined; matches?: string | undefined }): string | null {
  if (t.contains !== undefined && !actual.includes(t.contains)) return `${what} does not contain ${JSON.stringify(t.contains)}:\n${actual}`;
  if (t.matches !== undefined && !new RegExp(t.matches).test(actual)) return `${what} does not match /${t.matches}/:\n${actual}`;
  return null;
}

function findNode(topo: Topology, name: string, kind?: string) {
  return topo.nodes.find((n) => n.name === name && (kind === undefined || n.kind === kind) && ['container', 'network', 'bridge'].includes(n.kind));
}

/** Runs one step; returns an error message, or null when the step passed. */
export function playStep(s: PlayState, step: Step, inspect: InspectText): string | null {
  if ('run' in step) {
    const r = runLine(s.world, s.shell, step.run);
    const changed = r.world.docker !== s.world.docker || r.world.netns !== s.world.netns || r.world.ifaces !== s.world.ifaces;
    s.world = r.world;
    s.shell = r.shell;
    s.lastOutput = r.out.map((o) => o.text).join('');
    // A try is a line that changed the host or failed: both deserve the specific hint.
    if ((changed || r.exitCode !== 0) && s.lesson && s.session) s.session = worldChanged(s.lesson, s.session, s.world);
    return null;
  }
  const topo = toTopology(s.world);
  if ('click' in step) {
    const n = findNode(topo, step.click.name, step.click.kind);
    if (!n) return `no node named ${step.click.name} to click`;
    s.selection = n.id;
    return null;
  }
  if ('expectOutput' in step) return matchText('the last output', s.lastOutput, step.expectOutput);
  if ('expectNode' in step) {
    const e = step.expectNode;
    const n = findNode(topo, e.name, e.kind);
    if (e.exists === false) return n ? `node ${e.name} exists` : null;
    if (!n) return `no node named ${e.name}${e.kind ? ` of kind ${e.kind}` : ''}`;
    if (e.state !== undefined && (n.details.state ?? '').toLowerCase() !== e.state.toLowerCase()) return `node ${e.name} is ${n.details.state ?? 'stateless'}, not ${e.state}`;
    return null;
  }
  if ('expectInspector' in step) {
    if (!s.selection) return 'nothing is selected: click a node first';
    return matchText('the inspector', inspect(s.world, topo, s.selection), step.expectInspector);
  }
  const { lesson, session } = s;
  if (!lesson || !session) return 'this step needs a lesson: name one in the scenario\'s "lesson"';
  if ('answer' in step) {
    if (activeTask(lesson, session.progress)?.id !== step.answer.task) return `task ${step.answer.task} is not the open task (open: ${activeTask(lesson, session.progress)?.id ?? 'none'})`;
    s.session = answered(lesson, session, s.world, step.answer.task, step.answer.text);
    return null;
  }
  if ('expectTask' in step) {
    const e = step.expectTask;
    if (!lesson.tasks.some((t) => t.id === e.task)) return `lesson ${lesson.id} has no task ${e.task}`;
    const done = session.progress.done.includes(e.task);
    if (done !== e.done) return `task ${e.task} is ${done ? 'done' : 'not done'} (feedback: ${JSON.stringify(session.feedback)})`;
    const hint = whyFor(session, e.task);
    if (e.hint !== undefined && hint !== e.hint) return `task ${e.task} shows hint ${hint ?? '(none)'}, not ${e.hint}`;
    return null;
  }
  const done = isComplete(lesson, session.progress);
  return done === step.expectLessonDone ? null : `lesson ${lesson.id} is ${done ? '' : 'not '}done (done: ${session.progress.done.join(', ') || 'nothing'})`;
}

/** Plays every step; the first failure is returned with its step number (1-based). */
export function playScenario(sc: Scenario, inspect: InspectText): { ok: true; state: PlayState } | { ok: false; step: number; message: string } {
  const s = startState(sc.lesson);
  for (const [i, step] of sc.steps.entries()) {
    const err = playStep(s, step, inspect);
    if (err !== null) return { ok: false, step: i + 1, message: `step ${i + 1} ${JSON.stringify(step)}: ${err}` };
  }
  return { ok: true, state: s };
}
