import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

interface Props {
  readonly first: ReactNode;
  readonly second: ReactNode;
  /** Fraction of the space given to the first pane. */
  readonly initial?: number;
  readonly label: string;
}

const MIN = 0.2;
const MAX = 0.8;
const clamp = (f: number) => Math.min(MAX, Math.max(MIN, f));

/**
 * Two panes and a separator the student can drag or move with the arrow keys. Side by side on
 * wide screens, stacked on narrow ones (CSS decides; the fraction applies to either axis).
 */
export function SplitPane({ first, second, initial = 0.6, label }: Props) {
  const [fraction, setFraction] = useState(initial);
  const box = useRef<HTMLDivElement>(null);

  const vertical = () => (box.current ? getComputedStyle(box.current).flexDirection === 'column' : false);

  const onPointerDown = useCallback((e: PointerEvent<HTMLDivElement>) => {
    const el = box.current;
    if (!el) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const rect = el.getBoundingClientRect();
    const stacked = vertical();
    const move = (ev: globalThis.PointerEvent) => {
      setFraction(clamp(stacked ? (ev.clientY - rect.top) / rect.height : (ev.clientX - rect.left) / rect.width));
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 0.1 : 0.02;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') setFraction((f) => clamp(f - step));
    else if (e.key === 'ArrowRight' || e.key === 'ArrowDown') setFraction((f) => clamp(f + step));
    else return;
    e.preventDefault();
  };

  return (
    <div className="split" ref={box} style={{ ['--split' as string]: `${fraction * 100}%` }}>
      <div className="split-pane split-first">{first}</div>
      <div
        className="split-handle"
        role="separator"
        tabIndex={0}
        aria-label={label}
        aria-valuemin={MIN * 100}
        aria-valuemax={MAX * 100}
        aria-valuenow={Math.round(fraction * 100)}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        data-testid="split-handle"
      />
      <div className="split-pane split-second">{second}</div>
    </div>
  );
}
