/**
 * Animates layout changes with one requestAnimationFrame loop for everything that moves (a
 * d3 transition per element costs a timer, tweens and string interpolation each, which is too
 * much when a new network shifts a thousand frames down). Beyond MAX_ANIMATED objects the move
 * is made at once: a student cannot follow a thousand things gliding, and the frame rate can
 * not either.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Placed {
  readonly id: string;
  readonly from: Point;
  readonly to: Point;
}

export interface LinkMove {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

export const MOVE_MS = 350;
export const MAX_ANIMATED = 400;

const NUM = /-?\d+(?:\.\d+)?(?:e-?\d+)?/g;

/** Interpolates two SVG paths number by number when they have the same commands; else null. */
export function pathTween(a: string, b: string): ((t: number) => string) | null {
  const an = a.match(NUM);
  const bn = b.match(NUM);
  if (!an || !bn || an.length !== bn.length || a.replace(NUM, '#') !== b.replace(NUM, '#')) return null;
  const parts = b.split(NUM);
  const from = an.map(Number);
  const to = bn.map(Number);
  return (t) => {
    let s = parts[0] ?? '';
    for (let i = 0; i < to.length; i++) {
      const f = from[i] ?? 0;
      s += `${Math.round((f + ((to[i] ?? 0) - f) * t) * 10) / 10}${parts[i + 1] ?? ''}`;
    }
    return s;
  };
}

const ease = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2); // cubic in-out

export class Mover {
  private frame = 0;
  private nodes: Placed[] = [];
  private links: { id: string; at: (t: number) => string; to: string }[] = [];
  private t0 = 0;

  constructor(
    private readonly placeNode: (id: string, p: Point) => void,
    private readonly placeLink: (id: string, d: string) => void,
  ) {}

  start(nodes: readonly Placed[], links: readonly LinkMove[], animate: boolean): void {
    // Whatever was still moving lands where it was going before the new moves start.
    this.finish();
    if (nodes.length + links.length === 0) return;
    if (!animate || nodes.length + links.length > MAX_ANIMATED || reducedMotion()) {
      for (const n of nodes) this.placeNode(n.id, n.to);
      for (const l of links) this.placeLink(l.id, l.to);
      return;
    }
    this.nodes = [...nodes];
    this.links = links.map((l) => {
      const tween = pathTween(l.from, l.to);
      return { id: l.id, to: l.to, at: tween ?? ((t: number) => (t < 0.5 ? l.from : l.to)) };
    });
    this.t0 = performance.now();
    this.frame = requestAnimationFrame(this.tick);
  }

  stop(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.nodes = [];
    this.links = [];
  }

  private finish(): void {
    if (!this.frame) return;
    for (const n of this.nodes) this.placeNode(n.id, n.to);
    for (const l of this.links) this.placeLink(l.id, l.to);
    this.stop();
  }

  private readonly tick = (now: number) => {
    const raw = Math.min(1, (now - this.t0) / MOVE_MS);
    const t = ease(raw);
    for (const n of this.nodes) this.placeNode(n.id, { x: n.from.x + (n.to.x - n.from.x) * t, y: n.from.y + (n.to.y - n.from.y) * t });
    for (const l of this.links) this.placeLink(l.id, raw >= 1 ? l.to : l.at(t));
    if (raw < 1) this.frame = requestAnimationFrame(this.tick);
    else this.stop();
  };
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
