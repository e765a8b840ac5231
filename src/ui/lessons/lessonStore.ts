import { z } from 'zod/mini';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { LESSON_CATALOG } from '../../i18n/lessons/catalog';
import type { LessonSession } from '../../lessons/session';
import { browserStorage, type KV } from '../../store';

/**
 * The lessons panel's state, kept apart from the lab store (which holds the host): which lesson
 * is open, what is done, which hints and solutions are showing. Progress is saved in the browser
 * so a reload (or tomorrow) continues where the student was; the host itself comes back through
 * the lab store's own session replay.
 */
export const LESSONS_KEY = 'docker-network-lab.lessons.v1';

export interface LessonUiState {
  /** The panel is expanded. */
  readonly open: boolean;
  readonly current: string | null;
  readonly session: LessonSession | null;
  /** Lessons finished at least once. */
  readonly completed: readonly string[];
  /** Hints shown per task of the open lesson. */
  readonly hints: Readonly<Record<string, number>>;
  readonly solutions: Readonly<Record<string, boolean>>;
  /** A highlight link hovered in the explanation: shown instead of the lesson's focus. */
  readonly peek: string | null;
}

const id = z.string().check(z.maxLength(100));
const savedSchema = z.object({
  v: z.literal(1),
  open: z.boolean(),
  current: z.nullable(id),
  done: z.array(id).check(z.maxLength(100)),
  completed: z.array(id).check(z.maxLength(100)),
  hints: z.optional(z.record(z.string(), z.number().check(z.int(), z.minimum(0), z.maximum(10)))),
});

function restore(kv: KV | null): LessonUiState {
  const fresh: LessonUiState = { open: true, current: null, session: null, completed: [], hints: {}, solutions: {}, peek: null };
  try {
    const r = savedSchema.safeParse(JSON.parse(kv?.getItem(LESSONS_KEY) ?? 'null'));
    if (!r.success) return fresh;
    const d = r.data;
    // A lesson this version no longer has (renamed, removed) opens the list instead of an empty panel.
    const current = d.current && LESSON_CATALOG.some((l) => l.id === d.current) ? d.current : null;
    const session = current ? { progress: { lesson: current, done: d.done }, feedback: null } : null;
    return { ...fresh, open: d.open, current, session, completed: d.completed, hints: d.hints ?? {} };
  } catch {
    return fresh;
  }
}

export type LessonUiStore = StoreApi<LessonUiState>;

export function createLessonUiStore(kv: KV | null = browserStorage()): LessonUiStore {
  const store = createStore<LessonUiState>()(() => restore(kv));
  store.subscribe((s, prev) => {
    if (!kv || (s.open === prev.open && s.current === prev.current && s.session?.progress === prev.session?.progress && s.completed === prev.completed && s.hints === prev.hints)) return;
    try {
      kv.setItem(LESSONS_KEY, JSON.stringify({ v: 1, open: s.open, current: s.current, done: s.session?.progress.done ?? [], completed: s.completed, hints: s.hints }));
    } catch {
      // Storage full or disabled: the lessons keep working, unsaved.
    }
  });
  return store;
}
