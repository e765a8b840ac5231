import { z } from 'zod';

/**
 * A scenario: a teacher-written file (scenarios/*.json) of steps played against the lab, both
 * headless (Vitest) and in the browser (Playwright). README "Writing a scenario" documents it.
 * Unknown keys are errors, so a typo in a step name fails loudly instead of being skipped.
 */

/** Kinds the picture names (data-name): what a click or a node expectation can point at. */
export const NAMED_KINDS = ['container', 'network', 'bridge'] as const;

const text = z.object({ contains: z.string().min(1).optional(), matches: z.string().min(1).optional() }).strict()
  .refine((t) => t.contains !== undefined || t.matches !== undefined, 'give "contains" or "matches"');

const nodeRef = z.object({ name: z.string().min(1), kind: z.enum(NAMED_KINDS).optional() }).strict();

export const stepSchema = z.union([
  /** Type a line into the terminal and press Enter. */
  z.object({ run: z.string().min(1) }).strict(),
  /** Click a node of the picture by its name (and kind). */
  z.object({ click: nodeRef }).strict(),
  /** Type an answer to a lesson question (or pick a choice by its id). */
  z.object({ answer: z.object({ task: z.string().min(1), text: z.string() }).strict() }).strict(),
  /** The output of the last line typed. */
  z.object({ expectOutput: text }).strict(),
  /** A node in the picture: it exists (or not), with this kind and state (running, exited, up…). */
  z.object({ expectNode: nodeRef.extend({ state: z.string().optional(), exists: z.boolean().optional() }).strict() }).strict(),
  /** The inspector's text (the selected node's details). */
  z.object({ expectInspector: text }).strict(),
  /** A lesson task is done (or not), and the hint shown for it (a "why" id of the lesson). */
  z.object({ expectTask: z.object({ task: z.string().min(1), done: z.boolean(), hint: z.string().optional() }).strict() }).strict(),
  /** The whole lesson is done (or not yet). */
  z.object({ expectLessonDone: z.boolean() }).strict(),
]);

export const scenarioSchema = z.object({
  /** What it shows; `-g`/`-t` select scenarios by this title. */
  title: z.string().min(1),
  /** Open this lesson first (its setup runs on a fresh host); without it, a fresh sandbox. */
  lesson: z.string().optional(),
  lang: z.enum(['en', 'zh-CN']).optional(),
  steps: z.array(stepSchema).min(1),
}).strict();

export type Step = z.infer<typeof stepSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;

/** A file's text to a scenario, or a readable error naming the file and the bad step. */
export function parseScenario(file: string, textContent: string): Scenario {
  let data: unknown;
  try {
    data = JSON.parse(textContent);
  } catch (e) {
    throw new Error(`${file}: not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const r = scenarioSchema.safeParse(data);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new Error(`${file}: ${issues}`);
  }
  return r.data;
}
