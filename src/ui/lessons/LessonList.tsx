import { useStore } from 'zustand';
import type { Lang } from '../../i18n';
import { lt } from '../../i18n/lessonsUi';
import { LESSON_CATALOG } from '../../i18n/lessons/catalog';
import type { LessonController } from './lessonController';

/** Every lesson in order, with what is completed, and the sandbox. */
export function LessonList({ ctl, lang }: { ctl: LessonController; lang: Lang }) {
  const completed = useStore(ctl.ui, (s) => s.completed);
  return (
    <div className="lesson-list">
      <p className="lesson-progress">{lt(lang, 'lessons.progress', { done: LESSON_CATALOG.filter((l) => completed.includes(l.id)).length, total: LESSON_CATALOG.length })}</p>
      <ol>
        {LESSON_CATALOG.map((l, i) => {
          const text = l[lang];
          const done = completed.includes(l.id);
          return (
            <li key={l.id} className={done ? 'lesson-item done' : 'lesson-item'} data-lesson-item={l.id}>
              <button type="button" onClick={() => ctl.start(l.id)} data-testid={`lesson-${l.id}`}>
                <span className="lesson-item-n">{done ? '✓' : i + 1}</span>
                <span className="lesson-item-text">
                  <strong>{text.title}</strong>
                  <span>{text.summary}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="sandbox-button" onClick={() => ctl.sandbox()} title={lt(lang, 'lessons.sandbox.title')} data-testid="sandbox">
        {lt(lang, 'lessons.sandbox')}
      </button>
      <p className="lesson-sandbox-note">{lt(lang, 'lessons.sandbox.note')}</p>
    </div>
  );
}
