import { useState } from 'react';
import type { Lang } from '../../i18n';
import type { LessonText } from '../../i18n/lessons';
import { lt } from '../../i18n/lessonsUi';
import { whyText } from '../../i18n/lessonTexts';
import { accepted } from '../../lessons/checker';
import type { Feedback, Task } from '../../lessons/types';
import type { World } from '../../engine/world';
import { RichText } from './RichText';

export type TaskState = 'done' | 'active' | 'pending';

interface Props {
  readonly lang: Lang;
  readonly lessonId: string;
  readonly text: LessonText;
  readonly task: Task;
  readonly n: number;
  readonly total: number;
  readonly state: TaskState;
  readonly feedback: Feedback | null;
  readonly hints: number;
  readonly solution: boolean;
  readonly world: World;
  readonly onHint: () => void;
  readonly onSolution: () => void;
  readonly onAnswer: (text: string) => void;
  readonly onRun: (line: string) => void;
}

/** One task: what to do, then (while it is the open one) answers, hints and the solution. */
export function TaskCard(p: Props) {
  const [draft, setDraft] = useState('');
  const tt = p.text.tasks[p.task.id];
  if (!tt) return null;
  const fb = p.feedback?.task === p.task.id ? p.feedback : null;
  const mark = p.state === 'done' ? '✓' : p.state === 'active' ? '●' : '○';
  return (
    <li className={`lesson-task task-${p.state}`} data-task={p.task.id} data-state={p.state}>
      <div className="task-head">
        <span className="task-mark" aria-hidden="true">{mark}</span>
        <span className="task-count">{p.state === 'done' ? lt(p.lang, 'lessons.task.done') : lt(p.lang, 'lessons.task.count', { n: p.n, total: p.total })}</span>
      </div>
      <p className="task-text"><RichText text={tt.text} /></p>
      {p.state === 'active' && (
        <>
          {p.task.kind === 'question' && (
            <form
              className="task-answer"
              onSubmit={(e) => {
                e.preventDefault();
                p.onAnswer(draft);
              }}
            >
              <input aria-label={lt(p.lang, 'lessons.answer.label')} placeholder={lt(p.lang, 'lessons.answer.label')} value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="answer-input" spellCheck={false} autoComplete="off" />
              <button type="submit" data-testid="answer-check">{lt(p.lang, 'lessons.answer.check')}</button>
            </form>
          )}
          {p.task.kind === 'choice' && (
            <div className="task-choices" role="group">
              {p.task.choices.map((c) => (
                <button type="button" key={c} className="task-choice" data-choice={c} onClick={() => p.onAnswer(c)}>
                  {tt.choices?.[c] ?? c}
                </button>
              ))}
            </div>
          )}
          {fb && fb.kind !== 'passed' && (
            <div className="task-feedback" role="status" data-testid="lesson-feedback" data-why={fb.why?.id ?? 'wrong-answer'}>
              <strong>{fb.kind === 'missing' ? lt(p.lang, 'lessons.feedback.missing') : lt(p.lang, 'lessons.feedback.wrong')}</strong>{' '}
              {fb.why && <RichText text={whyText(p.lang, p.lessonId, fb.why)} />}
            </div>
          )}
          {tt.hints.slice(0, p.hints).map((h, i) => (
            <p key={i} className="task-hint" data-testid="lesson-hint"><span className="task-hint-mark">{lt(p.lang, 'lessons.hint')}:</span> <RichText text={h} /></p>
          ))}
          <div className="task-tools">
            {p.hints < tt.hints.length && (
              <button type="button" onClick={p.onHint} data-testid="hint">{p.hints === 0 ? lt(p.lang, 'lessons.hint') : lt(p.lang, 'lessons.hint.more')}</button>
            )}
            <button type="button" onClick={p.onSolution} aria-expanded={p.solution} data-testid="solution">
              {p.solution ? lt(p.lang, 'lessons.solution.hide') : lt(p.lang, 'lessons.solution.show')}
            </button>
          </div>
          {p.solution && <Solution {...p} />}
        </>
      )}
    </li>
  );
}

function Solution(p: Props) {
  const answers = accepted(p.task, p.world);
  const answer = p.task.kind === 'choice' ? p.text.tasks[p.task.id]?.choices?.[p.task.correct] : Array.isArray(answers) ? answers[0] : undefined;
  return (
    <div className="task-solution" data-testid="lesson-solution">
      <ul>
        {p.task.solution.map((line, i) => (
          <li key={i}>
            <code>{line}</code>
            <button type="button" onClick={() => p.onRun(line)} data-command={line}>{lt(p.lang, 'lessons.solution.run')}</button>
          </li>
        ))}
      </ul>
      {p.task.kind !== 'goal' && answer && <p className="task-solution-answer">{lt(p.lang, 'lessons.solution.answer', { answer })}</p>}
    </div>
  );
}
