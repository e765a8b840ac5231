import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { Lang } from '../../i18n';
import { lt } from '../../i18n/lessonsUi';
import { lessonText } from '../../i18n/lessonTexts';
import { activeTask, isComplete } from '../../lessons/checker';
import { LESSONS, type Lesson } from '../../lessons';
import { useLab } from '../StoreContext';
import type { LessonController } from './lessonController';
import { answerTask } from './lessonChecks';
import { RichText } from './RichText';
import { TaskCard } from './TaskCard';

/** One open lesson: the explanation, the tasks in order, and the "done" moment. */
export function LessonView({ lesson, ctl, lang }: { lesson: Lesson; ctl: LessonController; lang: Lang }) {
  const ui = useStore(ctl.ui);
  const world = useLab((s) => s.world);
  const text = lessonText(lang, lesson.id);
  const session = ui.session;
  const complete = session !== null && isComplete(lesson, session.progress);
  const doneRef = useRef<HTMLElement>(null);
  // The "done" moment: bring the banner into view when the last task passes.
  useEffect(() => {
    if (complete) doneRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [complete]);
  if (!text || !session) return null;
  const active = activeTask(lesson, session.progress);
  const next = LESSONS[LESSONS.indexOf(lesson) + 1];
  const peek = (ref: string | null) => ctl.ui.setState({ peek: ref });
  return (
    <article className="lesson" data-lesson={lesson.id} data-complete={complete}>
      <nav className="lesson-nav">
        <button type="button" className="link-button" onClick={() => ctl.back()} data-testid="lessons-back">{lt(lang, 'lessons.back')}</button>
        <span className="lesson-nav-actions">
          <button type="button" onClick={() => window.confirm(lt(lang, 'lessons.restart.confirm')) && ctl.start(lesson.id)} data-testid="lesson-restart">↺ {lt(lang, 'lessons.restart')}</button>
          <button type="button" onClick={() => ctl.sandbox()} title={lt(lang, 'lessons.sandbox.title')} data-testid="sandbox">{lt(lang, 'lessons.sandbox')}</button>
        </span>
      </nav>
      <h2 className="lesson-title">{text.title}</h2>
      {text.intro.map((p, i) => (
        <p key={i} className="lesson-intro"><RichText text={p} onPeek={peek} /></p>
      ))}
      {lesson.setup.length > 0 && <p className="lesson-setup-note">{lt(lang, 'lessons.setup.note')}</p>}
      {complete && (
        <section className="lesson-done" role="status" data-testid="lesson-done" ref={doneRef}>
          <h3>✓ {lt(lang, 'lessons.done.title')}</h3>
          <p><RichText text={text.done} /></p>
          {next ? (
            <button type="button" className="primary" onClick={() => ctl.start(next.id)} data-testid="lesson-next">{lt(lang, 'lessons.next')}</button>
          ) : (
            <p>{lt(lang, 'lessons.all.done')}</p>
          )}
        </section>
      )}
      <h3 className="lesson-h3">{lt(lang, 'lessons.tasks')}</h3>
      <ol className="lesson-tasks">
        {lesson.tasks.map((t, i) => (
          <TaskCard
            key={`${lesson.id}/${t.id}`}
            lang={lang}
            lessonId={lesson.id}
            text={text}
            task={t}
            n={i + 1}
            total={lesson.tasks.length}
            state={session.progress.done.includes(t.id) ? 'done' : t === active ? 'active' : 'pending'}
            feedback={session.feedback}
            hints={ui.hints[t.id] ?? 0}
            solution={ui.solutions[t.id] === true}
            world={world}
            onHint={() => ctl.ui.setState({ hints: { ...ctl.ui.getState().hints, [t.id]: (ctl.ui.getState().hints[t.id] ?? 0) + 1 } })}
            onSolution={() => ctl.ui.setState({ solutions: { ...ctl.ui.getState().solutions, [t.id]: !ctl.ui.getState().solutions[t.id] } })}
            onAnswer={(a) => answerTask(ctl, t.id, a)}
            onRun={(line) => ctl.runLine(line)}
          />
        ))}
      </ol>
    </article>
  );
}
