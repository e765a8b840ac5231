/**
 * The words of one lesson in one language. Explanations may use `code` and highlight links
 * [text](kind:name@parent) that light up topology nodes (kind as the topology names it:
 * bridge, veth, interface, container, port, network, machine, host, netns).
 * `{name}` placeholders in `why` texts are filled from the checker's values.
 */
export interface TaskText {
  readonly text: string;
  /** Revealed one at a time on request, from general to specific. */
  readonly hints: readonly string[];
  /** Choice id → wording, for multiple-choice tasks. */
  readonly choices?: Readonly<Record<string, string>>;
}

/** What the list of lessons shows, loaded with the page (catalog.ts). */
export interface LessonHeading {
  readonly title: string;
  /** One line for the list of lessons. */
  readonly summary: string;
}

/** The rest of a lesson's words, loaded with the lesson. */
export interface LessonBody {
  readonly intro: readonly string[];
  readonly tasks: Readonly<Record<string, TaskText>>;
  /** What is still missing, by the checker's Why ids. */
  readonly why: Readonly<Record<string, string>>;
  /** Shown at the "done" moment: what the student now knows. */
  readonly done: string;
}

export interface LessonTexts {
  readonly en: LessonBody;
  readonly 'zh-CN': LessonBody;
}

export type LessonText = LessonHeading & LessonBody;
