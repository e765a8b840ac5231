import type { TopoNodeKind } from '../engine/topology';
import type { World } from '../engine/world';

/**
 * Lessons are data: what to set up, what to point at in the picture, and tasks whose goals are
 * pure functions of the World. The words live in src/i18n/lessons/ (one file per lesson, both
 * languages side by side) under the same lesson and task ids.
 */

/** Picks nodes of the topology to highlight: every node of a kind, or one by name (and frame). */
export interface NodeSelector {
  readonly kind: TopoNodeKind;
  readonly name?: string;
  /** Id of the frame the node is drawn in ('host', 'laptop'): eth0 on the host, not in a container. */
  readonly parent?: string;
}

/** Why a goal is not reached yet: a key of the lesson's `why` texts and the values it names. */
export interface Why {
  readonly id: string;
  readonly vars?: Readonly<Record<string, string | number>>;
}

export type CheckResult = { readonly ok: true } | { readonly ok: false; readonly why?: Why };

/** A state or behaviour of the simulated host the student must bring about, any way they like. */
export interface GoalTask {
  readonly kind: 'goal';
  readonly id: string;
  readonly check: (w: World) => CheckResult;
  /** Commands of one correct way (shown by "show solution", replayed by the reference scenario). */
  readonly solution: readonly string[];
  readonly focus?: readonly NodeSelector[];
}

/**
 * A question whose answer the student reads off the simulated host (`brctl show`, `docker
 * inspect`…): observation is checked by what they found, never by what they typed.
 */
export interface QuestionTask {
  readonly kind: 'question';
  readonly id: string;
  /** Accepted answers for this World (normalised before comparing), or a Why when it cannot be asked yet. */
  readonly answer: (w: World) => readonly string[] | Why;
  /** A specific hint for a plausible wrong answer (the host's address where the container's was asked…). */
  readonly wrong?: (w: World, given: string) => Why | undefined;
  /** Commands that show the answer. */
  readonly solution: readonly string[];
  readonly focus?: readonly NodeSelector[];
}

/** A multiple-choice question about why something behaves as it does; choices' words are in the texts. */
export interface ChoiceTask {
  readonly kind: 'choice';
  readonly id: string;
  readonly choices: readonly string[];
  readonly correct: string;
  /** Commands that let the student see it for themselves. */
  readonly solution: readonly string[];
  readonly focus?: readonly NodeSelector[];
}

export type Task = GoalTask | QuestionTask | ChoiceTask;

export interface Lesson {
  readonly id: string;
  /** Lines run on a fresh host when the lesson starts (a broken state for troubleshooting). */
  readonly setup: readonly string[];
  /** Clear the console after the setup: in a troubleshooting lesson the commands would give the fault away. */
  readonly hideSetup?: boolean;
  /** What the explanation talks about, highlighted while the lesson is open. */
  readonly focus: readonly NodeSelector[];
  readonly tasks: readonly Task[];
}

/** Where a student is in the lesson that is open. */
export interface LessonProgress {
  readonly lesson: string;
  /** Ids of tasks done, in the order they were done. */
  readonly done: readonly string[];
}

/** What the panel shows after a try: still missing (why), a wrong answer, or that a task was just done. */
export type Feedback =
  | { readonly kind: 'missing'; readonly task: string; readonly why: Why }
  | { readonly kind: 'wrong-answer'; readonly task: string; readonly why?: Why }
  | { readonly kind: 'passed'; readonly task: string };
