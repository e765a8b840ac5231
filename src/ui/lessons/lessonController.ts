import type { LabStore } from '../../store';
import type { LessonUiStore } from './lessonStore';

/** The lesson runtime (definitions, checkers, words, the lesson view) arrives when a lesson opens. */
export const loadLessonRuntime = () => import('./LessonRuntime');

/**
 * What the lessons panel does to the lab: start a lesson on a fresh host (its setup replayed
 * through the lab store, so reload and undo work as for typed lines), open the sandbox, and run
 * a task's command. No React here: the panel calls these. The heavy half (checking the
 * student's tries) lives in lessonChecks.ts and LessonRuntime.tsx, loaded with the first lesson opened.
 */
export class LessonController {
  /** Set while a lesson's setup replays, so the checks do not count it as the student's tries. */
  starting = false;
  /** The latest request: a lesson clicked while another was loading, or the sandbox, wins. */
  private request = 0;

  constructor(readonly lab: LabStore, readonly ui: LessonUiStore) {}

  /** Starts a lesson on a fresh host; fetches the CLI (to replay the setup) and the runtime first. */
  start(id: string): Promise<void> {
    const request = ++this.request;
    const started = Promise.all([this.lab.getState().prepare(), loadLessonRuntime()]).then(
      ([, rt]) => {
        if (request === this.request) rt.startLesson(this, id);
      },
      () => this.lab.getState().notify('chunk-failed'),
    );
    // A line typed while the chunks load runs after the setup, on the lesson's host.
    this.lab.getState().hold(started);
    return started;
  }

  /** Leave the lesson (its progress is kept) and play on a fresh host. */
  sandbox(): void {
    this.request++;
    this.ui.setState({ current: null, session: null, hints: {}, solutions: {}, peek: null });
    this.lab.getState().reset();
  }

  back(): void {
    this.request++;
    this.ui.setState({ current: null, session: null, peek: null });
  }

  runLine(line: string): void {
    this.lab.getState().runLine(line, { source: 'ui' });
  }
}
