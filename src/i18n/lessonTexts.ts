import type { Lang } from './index';
import { LESSON_TEXTS, type LessonText } from './lessons';
import { LESSONS_UI, fill, lessonHeading, type LessonsUiKey } from './lessonsUi';

/**
 * A lesson's words, loaded with the lesson runtime (not with the page): the list only needs the
 * headings in ./lessons/catalog.ts.
 */
export function lessonText(lang: Lang, lessonId: string): LessonText | undefined {
  const heading = lessonHeading(lang, lessonId);
  const body = LESSON_TEXTS[lessonId]?.[lang];
  return heading && body ? { ...heading, ...body } : undefined;
}

const isShared = (id: string): boolean => `why.${id}` in LESSONS_UI.en;

/** A checker's Why in words: the lesson's own text, else the shared one, else its id (a bug a test catches). */
export function whyText(lang: Lang, lessonId: string, why: { readonly id: string; readonly vars?: Readonly<Record<string, string | number>> }): string {
  const own = LESSON_TEXTS[lessonId]?.[lang].why[why.id];
  const shared = isShared(why.id) ? LESSONS_UI[lang][`why.${why.id}` as LessonsUiKey] : undefined;
  return fill(own ?? shared ?? why.id, why.vars ?? {});
}

export function hasWhyText(lang: Lang, lessonId: string, id: string): boolean {
  return LESSON_TEXTS[lessonId]?.[lang].why[id] !== undefined || isShared(id);
}
