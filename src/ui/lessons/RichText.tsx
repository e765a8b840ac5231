import { Fragment, type ReactNode } from 'react';

/**
 * The little markup of lesson texts: `code` and [words](kind:name) links that light up nodes of
 * the picture while hovered or focused. Everything is rendered as text nodes, never as HTML.
 */
export function RichText({ text, onPeek }: { text: string; onPeek?: (ref: string | null) => void }) {
  const out: ReactNode[] = [];
  const re = /`([^`]+)`|\[([^\]]+)\]\(([^)]+)\)/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    if (m[1] !== undefined) out.push(<code key={at}>{m[1]}</code>);
    else {
      const ref = m[3] ?? '';
      out.push(
        <button
          key={at}
          type="button"
          className="lesson-term"
          data-focus={ref}
          onMouseEnter={() => onPeek?.(ref)}
          onMouseLeave={() => onPeek?.(null)}
          onFocus={() => onPeek?.(ref)}
          onBlur={() => onPeek?.(null)}
        >
          {m[2]}
        </button>,
      );
    }
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return <Fragment>{out}</Fragment>;
}
