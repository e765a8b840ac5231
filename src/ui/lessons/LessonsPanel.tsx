import { Suspense, lazy, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { lt } from '../../i18n/lessonsUi';
import { ChunkBoundary } from '../ChunkBoundary';
import { useLab, useLabStore } from '../StoreContext';
import { LessonController, loadLessonRuntime } from './lessonController';
import { LessonList } from './LessonList';
import { createLessonUiStore } from './lessonStore';
import './lessons.css';

// One chunk, two entry points: what runs while a lesson is open, and the lesson in the panel.
const LessonEffects = lazy(() => loadLessonRuntime().then((m) => ({ default: m.LessonEffects })));
const LessonBody = lazy(() => loadLessonRuntime().then((m) => ({ default: m.LessonBody })));

/**
 * The lessons beside the lab: a collapsible column on the left. It owns a small store of its
 * own (progress, hints) and talks to the lab store through LessonController. The list of
 * lessons comes with the page; a lesson's runtime when one is open.
 */
export function LessonsLayout({ children }: { children: ReactNode }) {
  const lab = useLabStore();
  const ctl = useMemo(() => new LessonController(lab, createLessonUiStore()), [lab]);
  const open = useStore(ctl.ui, (s) => s.open);
  const current = useStore(ctl.ui, (s) => s.current);
  return (
    <div className={open ? 'lessons-layout open' : 'lessons-layout'}>
      {current && (
        <ChunkBoundary key={current} fallback={null}>
          <Suspense fallback={null}>
            <LessonEffects ctl={ctl} />
          </Suspense>
        </ChunkBoundary>
      )}
      {open ? <LessonsPanel ctl={ctl} /> : <CollapsedRail ctl={ctl} />}
      <div className="lessons-main">{children}</div>
    </div>
  );
}

function LessonsPanel({ ctl }: { ctl: LessonController }) {
  const lang = useLab((s) => s.prefs.lang);
  const current = useStore(ctl.ui, (s) => s.current);
  return (
    <aside className="lessons-panel" data-testid="lessons" aria-label={lt(lang, 'lessons.title')}>
      <header className="lessons-head">
        <h2>{lt(lang, 'lessons.title')}</h2>
        <button type="button" className="icon-button" onClick={() => ctl.ui.setState({ open: false })} aria-label={lt(lang, 'lessons.toggle.hide')} title={lt(lang, 'lessons.toggle.hide')} data-testid="lessons-hide">
          ⟨
        </button>
      </header>
      <div className="lessons-body">
        {current ? (
          <ChunkBoundary key={current} fallback={<LoadFailed ctl={ctl} />}>
            <Suspense fallback={<p className="lesson-loading">…</p>}>
              <LessonBody ctl={ctl} lang={lang} />
            </Suspense>
          </ChunkBoundary>
        ) : (
          <LessonList ctl={ctl} lang={lang} />
        )}
      </div>
    </aside>
  );
}

function LoadFailed({ ctl }: { ctl: LessonController }) {
  const lang = useLab((s) => s.prefs.lang);
  return (
    <div className="lesson-load-failed" role="alert">
      <p>{lt(lang, 'lessons.load-failed')}</p>
      <button type="button" className="link-button" onClick={() => ctl.back()}>
        {lt(lang, 'lessons.back')}
      </button>
    </div>
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
