import { useEffect, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Topology } from '../../engine/topology';
import { lt } from '../../i18n/lessonsUi';
import { activeTask } from '../../lessons/checker';
import { focusIds, parseSelector } from '../../lessons/focus';
import { lessonById } from '../../lessons';
import { useLab, useLabStore } from '../StoreContext';
import { LessonController } from './lessonController';
import { LessonList } from './LessonList';
import { createLessonUiStore } from './lessonStore';
import { LessonView } from './LessonView';
import './lessons.css';

/**
 * The lessons beside the lab: a collapsible column on the left. It owns a small store of its
 * own (progress, hints) and talks to the lab store through LessonController.
 */
export function LessonsLayout({ children }: { children: ReactNode }) {
  const lab = useLabStore();
  const ctl = useMemo(() => new LessonController(lab, createLessonUiStore()), [lab]);
  useEffect(() => ctl.bind(), [ctl]);
  const open = useStore(ctl.ui, (s) => s.open);
  useFocus(ctl);
  return (
    <div className={open ? 'lessons-layout open' : 'lessons-layout'}>
      {open ? <LessonsPanel ctl={ctl} /> : <CollapsedRail ctl={ctl} />}
      <div className="lessons-main">{children}</div>
    </div>
  );
}

function LessonsPanel({ ctl }: { ctl: LessonController }) {
  const lang = useLab((s) => s.prefs.lang);
  const current = useStore(ctl.ui, (s) => s.current);
  const lesson = current ? lessonById(current) : undefined;
  return (
    <aside className="lessons-panel" data-testid="lessons" aria-label={lt(lang, 'lessons.title')}>
      <header className="lessons-head">
        <h2>{lt(lang, 'lessons.title')}</h2>
        <button type="button" className="icon-button" onClick={() => ctl.ui.setState({ open: false })} aria-label={lt(lang, 'lessons.toggle.hide')} title={lt(lang, 'lessons.toggle.hide')} data-testid="lessons-hide">
          ⟨
        </button>
      </header>
      <div className="lessons-body">{lesson ? <LessonView lesson={lesson} ctl={ctl} lang={lang} /> : <LessonList ctl={ctl} lang={lang} />}</div>
    </aside>
  );
}

function CollapsedRail({ ctl }: { ctl: LessonController }) {
  const lang = useLab((s) => s.prefs.lang);
  return (
    <button type="button" className="lessons-rail" onClick={() => ctl.ui.setState({ open: true })} data-testid="lessons-show">
      {lt(lang, 'lessons.toggle.show')}
    </button>
  );
}

/** Tells the picture what to light up: a hovered term, else the open task's focus, else the lesson's. */
function useFocus(ctl: LessonController) {
  const lab = useLabStore();
  const { current, session, peek } = useStore(ctl.ui);
  useEffect(() => {
    const lesson = current ? lessonById(current) : undefined;
    const peeked = peek ? parseSelector(peek) : null;
    const task = lesson && session ? activeTask(lesson, session.progress) : undefined;
    const selectors = peeked ? [peeked] : (task?.focus ?? lesson?.focus);
    lab.getState().setFocus(selectors ? (t: Topology) => focusIds(t, selectors) : null);
  }, [lab, current, session, peek]);
}
