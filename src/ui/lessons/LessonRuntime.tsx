import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { Topology } from '../../engine/topology';
import type { Lang } from '../../i18n';
import { activeTask } from '../../lessons/checker';
import { focusIds, parseSelector } from '../../lessons/focus';
import { lessonById } from '../../lessons';
import { useLabStore } from '../StoreContext';
import { bindChecks } from './lessonChecks';
import type { LessonController } from './lessonController';
import { LessonView } from './LessonView';

/**
 * The lesson runtime, one chunk loaded when a lesson opens (the page itself carries only the
 * list): the checks on the student's tries, the picture's highlights, and the lesson's view.
 */
export { startLesson } from './lessonChecks';

/** Mounted while a lesson is open (panel shown or not): checks tries and lights up the picture. */
export function LessonEffects({ ctl }: { ctl: LessonController }) {
  useEffect(() => bindChecks(ctl), [ctl]);
  useFocus(ctl);
  return null;
}

/** The open lesson in the panel. */
export function LessonBody({ ctl, lang }: { ctl: LessonController; lang: Lang }) {
  const current = useStore(ctl.ui, (s) => s.current);
  const lesson = current ? lessonById(current) : undefined;
  return lesson ? <LessonView lesson={lesson} ctl={ctl} lang={lang} /> : null;
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
  // Leaving the lesson (back to the list, the sandbox) unmounts this: nothing stays lit.
  useEffect(() => () => lab.getState().setFocus(null), [lab]);
}
