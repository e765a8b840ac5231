import type { TopoLinkKind, TopoNodeKind } from '../engine/topology';

/** What the renderer draws: absolute rectangles and paths, no DOM. */

export type Shape = 'frame' | 'pill' | 'bar' | 'card' | 'badge' | 'chip' | 'row';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Drawn extends Rect {
  readonly id: string;
  readonly kind: TopoNodeKind;
  readonly shape: Shape;
  readonly name: string;
  readonly label: string;
  readonly sub?: string;
  /** Where the sub-label goes: under the pill (default) or over it (pills on a frame's bottom edge). */
  readonly subAbove?: boolean;
  /** Colour of the bridge this object belongs to (index into the palette), or null. */
  readonly tone: number | null;
  readonly state?: string;
  /** The frame it moves with when dragged (its own id for frames). */
  readonly frame: string | null;
}

export interface DrawnLink {
  readonly id: string;
  readonly kind: TopoLinkKind;
  readonly d: string;
  readonly tone: number | null;
  readonly source: string;
  readonly target: string;
  /** Where a caption sits (the LAN's name on its bus). */
  readonly caption?: { readonly x: number; readonly y: number; readonly text: string };
}

export interface Layout {
  readonly nodes: readonly Drawn[];
  readonly links: readonly DrawnLink[];
  readonly bounds: Rect;
  /** Height of the LAN's bus (the wire every NIC on the LAN hangs from). */
  readonly busY: number;
}

// Sizes are estimated, not measured: measuring text in the DOM during an update forces a layout.
// The type is large enough to read on a classroom projector once the picture is fit to its pane.
export const PILL_H = 22;
export const MONO_CHAR = 7.3; // 12px monospace (DejaVu Sans Mono, SF Mono, Consolas), average advance
export const SANS_CHAR = 7.2; // 12px system sans, average advance

export function pillWidth(text: string): number {
  return Math.round(text.length * MONO_CHAR + 18);
}

export function sansWidth(text: string, size = 12): number {
  return Math.round((text.length * SANS_CHAR * size) / 12);
}

const r = (n: number) => Math.round(n * 10) / 10;

/** A vertical S-curve from the bottom of `a` to the top of `b` (or the reverse), for wires. */
export function verticalWire(a: Rect, b: Rect): string {
  const ax = a.x + a.w / 2;
  const bx = b.x + b.w / 2;
  const down = b.y >= a.y;
  const ay = down ? a.y + a.h : a.y;
  const by = down ? b.y : b.y + b.h;
  if (Math.abs(ax - bx) < 0.5) return `M${r(ax)},${r(ay)}V${r(by)}`;
  const my = (ay + by) / 2;
  return `M${r(ax)},${r(ay)}C${r(ax)},${r(my)} ${r(bx)},${r(my)} ${r(bx)},${r(by)}`;
}

/** Orthogonal path through a horizontal bus at `busY` (how a LAN segment is usually drawn). */
export function busWire(a: Rect, b: Rect, busY: number): string {
  const ax = a.x + a.w / 2;
  const bx = b.x + b.w / 2;
  const ay = a.y > busY ? a.y : a.y + a.h;
  const by = b.y > busY ? b.y : b.y + b.h;
  return `M${r(ax)},${r(ay)}V${r(busY)}H${r(bx)}V${r(by)}`;
}

/** From the bottom of `a` into the right side of `b`: a NAT arrow that does not hide the veth wire. */
export function sideEntry(a: Rect, b: Rect): string {
  const ax = a.x + a.w / 2;
  const ay = a.y + a.h;
  const bx = b.x + b.w + 2;
  const by = b.y + b.h / 2;
  return `M${r(ax)},${r(ay)}C${r(ax)},${r((ay + by) / 2)} ${r(bx + 60)},${r(by)} ${r(bx)},${r(by)}`;
}

/** A horizontal curve between the facing sides of two rectangles. */
export function sideWire(a: Rect, b: Rect): string {
  const right = b.x >= a.x;
  const ax = right ? a.x + a.w : a.x;
  const bx = right ? b.x : b.x + b.w;
  const ay = a.y + a.h / 2;
  const by = b.y + b.h / 2;
  const mx = (ax + bx) / 2;
  return `M${r(ax)},${r(ay)}C${r(mx)},${r(ay)} ${r(mx)},${r(by)} ${r(bx)},${r(by)}`;
}

export function union(rects: Iterable<Rect>): Rect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of rects) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  if (x0 === Infinity) return { x: 0, y: 0, w: 0, h: 0 };
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export function center(b: Rect): { x: number; y: number } {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}
