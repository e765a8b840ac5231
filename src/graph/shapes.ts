import type { TopoNode } from '../engine/topology';
import { type Drawn, PILL_H, sansWidth } from './geometry';

/** Lookups the layout shares between its parts, built once per update. */
export interface Index {
  readonly byId: Map<string, TopoNode>;
  readonly kids: Map<string, TopoNode[]>;
  readonly tone: Map<string, number>;
  readonly lanNics: Set<string>;
  readonly wanNics: Set<string>;
}

// Every Drawn is built with the same fields in the same order (absent ones undefined): one
// object shape for V8, and no spreads, which this runs thousands of times per update.

export function pill(n: TopoNode, x: number, y: number, w: number, frame: string, sub?: string, tone: number | null = null): Drawn {
  return { id: n.id, kind: n.kind, shape: 'pill', name: n.name, label: n.name, sub, subAbove: undefined, tone, state: n.details.state, frame, x, y, w, h: PILL_H };
}

export function card(n: TopoNode, x: number, y: number, w: number, frame: string): Drawn {
  const mode = n.details.mode && n.details.mode !== 'bridge' && n.details.mode !== 'default' ? ` · ${n.details.mode}` : '';
  const sub = `${n.details.image ?? ''} · ${n.details.state ?? ''}${mode}`;
  return { id: n.id, kind: 'container', shape: 'card', name: n.name, label: n.name, sub, subAbove: undefined, tone: null, state: n.details.state, frame, x, y, w: Math.max(w, sansWidth(sub, 12) + 28, sansWidth(n.name, 14) * 1.1 + 40), h: 40 };
}
