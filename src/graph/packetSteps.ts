import type { Hop } from '../engine/packet/types';
import { busWire, type Drawn, type DrawnLink, type Layout } from './geometry';

/**
 * A packet's journey as steps the picture can play: where the packet travels (along the wires
 * the layout drew), where it stops to show what happened to it (a NAT rewrite, a drop, a
 * delivery), and a caption for each. Pure: hops and a layout in, steps out.
 *
 * Hops that happen inside one namespace without moving the packet (rule evaluations) make no
 * step: `trace CMD` in the console lists them all; the picture shows the journey and the moments
 * that change the packet.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export type StepKind = 'start' | 'move' | 'nat' | 'drop' | 'deliver' | 'reply';

export interface PacketStep {
  /** Index of the hop this step shows. */
  readonly hop: number;
  readonly kind: StepKind;
  readonly phase: 'request' | 'reply';
  /** Which packet of the line (0 for the first): trails start afresh with each one. */
  readonly walk: number;
  /** Where the packet travels during the step, starting where the previous step ended (≥ 1 point). */
  readonly path: readonly Point[];
  readonly text: string;
  /** Drawn object this step is about (the interface reached, the port badge a DNAT comes from). */
  readonly node?: string;
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const mid = (r: Drawn): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

export function pathLength(pts: readonly Point[]): number {
  let n = 0;
  for (let i = 1; i < pts.length; i++) n += dist(pts[i - 1] as Point, pts[i] as Point);
  return n;
}

/** The point at distance `t × length` along a polyline. */
export function pointAlong(pts: readonly Point[], t: number): Point {
  const first = pts[0] ?? { x: 0, y: 0 };
  if (pts.length < 2 || t <= 0) return first;
  let left = pathLength(pts) * Math.min(1, t);
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] as Point;
    const b = pts[i] as Point;
    const d = dist(a, b);
    if (left <= d && d > 0) return { x: a.x + ((b.x - a.x) * left) / d, y: a.y + ((b.y - a.y) * left) / d };
    left -= d;
  }
  return pts[pts.length - 1] as Point;
}

/** Flattens the SVG paths the layout draws (M, L, H, V, C) into points. */
export function flattenPath(d: string): Point[] {
  const pts: Point[] = [];
  const re = /([MLHVC])([^MLHVC]*)/g;
  let x = 0;
  let y = 0;
  for (let m = re.exec(d); m; m = re.exec(d)) {
    const n = (m[2] ?? '').trim().split(/[\s,]+/).filter(Boolean).map(Number);
    switch (m[1]) {
      case 'M':
      case 'L':
        x = n[0] ?? x;
        y = n[1] ?? y;
        pts.push({ x, y });
        break;
      case 'H':
        x = n[0] ?? x;
        pts.push({ x, y });
        break;
      case 'V':
        y = n[0] ?? y;
        pts.push({ x, y });
        break;
      case 'C': {
        const [x1 = x, y1 = y, x2 = x, y2 = y, x3 = x, y3 = y] = n;
        for (let i = 1; i <= 12; i++) {
          const t = i / 12;
          const u = 1 - t;
          pts.push({ x: u * u * u * x + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3, y: u * u * u * y + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3 });
        }
        x = x3;
        y = y3;
        break;
      }
      default:
        break;
    }
  }
  return pts;
}

class Index {
  readonly at = new Map<string, Drawn>();
  readonly links = new Map<string, DrawnLink>();
  readonly cards = new Map<string, Drawn>();

  constructor(layout: Layout) {
    for (const n of layout.nodes) {
      this.at.set(n.id, n);
      // The first container card drawn in a namespace's frame stands for its processes.
      if (n.kind === 'container' && n.frame && !this.cards.has(n.frame)) this.cards.set(n.frame, n);
    }
    for (const l of layout.links) {
      this.links.set(`${l.source}>${l.target}`, l);
    }
  }

  /** The wire drawn between two objects, as points from `a` to `b`. */
  wire(a: string, b: string): Point[] | null {
    const fwd = this.links.get(`${a}>${b}`);
    if (fwd) return flattenPath(fwd.d);
    const back = this.links.get(`${b}>${a}`);
    if (back) return flattenPath(back.d).reverse();
    return null;
  }

  /** Where a namespace's processes are: its container's card, else the frame itself (laptop, router). */
  anchor(netns: string): Point | null {
    const card = this.cards.get(netns);
    if (card) return mid(card);
    const frame = this.at.get(netns);
    // The host's frame is the whole middle of the picture: its stack has no one place.
    if (!frame || frame.kind === 'host') return null;
    return mid(frame);
  }
}

const portNumber = (endpoint: string) => Number(/:(\d+)$/.exec(endpoint)?.[1] ?? NaN);

export function packetSteps(hops: readonly Hop[], layout: Layout): PacketStep[] {
  const ix = new Index(layout);
  const steps: PacketStep[] = [];
  let cur: Point | null = null;
  let phase: 'request' | 'reply' = 'request';
  let walk = -1;

  const push = (hop: number, kind: StepKind, path: Point[], text: string, node?: string) => {
    const from = cur;
    const pts = from && path.length && dist(from, path[0] as Point) > 0.5 ? [from, ...path] : path.length ? path : from ? [from] : [];
    if (pts.length === 0) return;
    cur = pts[pts.length - 1] as Point;
    steps.push({ hop, kind, phase, walk: Math.max(0, walk), path: pts, text, ...(node ? { node } : {}) });
  };
  // The bridge bar the packet is on (after being switched up to the host, or routed to a bridge):
  // it then travels along the bar, not across the frame.
  let onBar: Drawn | null = null;
  const moveTo = (hop: number, id: string | undefined, text: string) => {
    const r = id ? ix.at.get(id) : undefined;
    if (!r) return;
    const from = cur;
    if (r.shape === 'bar') {
      // Routed to a bridge: straight to the bar, entering where it is above or below the packet.
      const x = from ? Math.min(r.x + r.w - 8, Math.max(r.x + 8, from.x)) : r.x + r.w / 2;
      onBar = r;
      push(hop, 'move', [{ x, y: r.y + r.h / 2 }], text, id);
      return;
    }
    const p = mid(r);
    if (from && dist(from, p) < 0.5) return;
    // From a bar: along it to below (or above) the target, then across to it.
    const path = from && onBar ? [{ x: Math.min(onBar.x + onBar.w - 8, Math.max(onBar.x + 8, p.x)), y: from.y }, p] : [p];
    onBar = null;
    push(hop, 'move', path, text, id);
  };

  hops.forEach((h, i) => {
    switch (h.kind) {
      case 'send': {
        // A new packet (the connection after its name lookup, the proxy's second leg) starts over.
        walk++;
        phase = 'request';
        onBar = null;
        const a = ix.anchor(h.netns);
        if (a) cur = null;
        // The host's stack has no one place: a packet it sends starts where the last one ended.
        push(i, 'start', a ? [a] : [], h.summary);
        break;
      }
      case 'route':
        if (h.result === 'ok') moveTo(i, h.dev, `route: ${h.dst} via ${ix.at.get(h.dev ?? '')?.name ?? '?'}${h.via ? ` (gateway ${h.via})` : ''}`);
        break;
      case 'xmit': {
        if (h.via === 'lo') break;
        const a = ix.at.get(h.from);
        const b = ix.at.get(h.to);
        const text = `${h.via === 'wire' ? 'cable' : h.via}: ${a?.name ?? '?'} → ${b?.name ?? '?'}`;
        let path = ix.wire(h.from, h.to);
        // Two NICs on the LAN: along the bus between them, as the cables are drawn.
        if (!path && a && b && h.via === 'wire') path = flattenPath(busWire(a, b, layout.busY));
        if (!path && a) {
          // An uplink to a host the picture does not draw (the internet): along the uplink's wire.
          const out = [...ix.links.values()].find((l) => l.source === h.from && l.kind === 'wan');
          if (out) path = flattenPath(out.d);
        }
        if (b) path = [...(path ?? []), mid(b)];
        if (a && (!cur || dist(cur, mid(a)) > 0.5)) moveTo(i, h.from, text);
        onBar = null;
        if (path) push(i, 'move', path, text, h.to);
        break;
      }
      case 'bridge': {
        const bar = ix.at.get(h.bridge);
        if (!bar) break;
        const y = bar.y + bar.h / 2;
        const clampX = (x: number) => Math.min(bar.x + bar.w - 8, Math.max(bar.x + 8, x));
        const path: Point[] = [];
        if (h.inPort !== h.bridge) {
          const up = ix.wire(h.inPort, h.bridge);
          if (up) path.push(...up);
          const inP = ix.at.get(h.inPort);
          if (inP) path.push({ x: clampX(mid(inP).x), y });
        } else if (cur) {
          path.push({ x: clampX(cur.x), y });
        }
        const out = h.outPort ? ix.at.get(h.outPort) : undefined;
        if (out && h.outPort) {
          path.push({ x: clampX(mid(out).x), y });
          const down = ix.wire(h.bridge, h.outPort);
          if (down) path.push(...down);
          path.push(mid(out));
        }
        const outName = out?.name;
        push(i, 'move', path, outName ? `bridge ${bar.name}: forwarded to ${outName}` : `bridge ${bar.name}: up to the host's own stack`, h.outPort ?? h.bridge);
        onBar = out ? null : bar;
        break;
      }
      case 'nat': {
        let node: string | undefined;
        if (h.what === 'DNAT') {
          const port = portNumber(h.from);
          for (const n of ix.at.values()) if (n.kind === 'port' && n.name.startsWith(`${port}/`)) node = n.id;
        }
        if (!cur) {
          const a = ix.anchor(h.netns);
          if (a) cur = a;
        }
        push(i, 'nat', [], `${h.what} ${h.from} → ${h.to}`, node);
        break;
      }
      case 'deliver': {
        const card = ix.cards.get(h.netns);
        const target = card ?? (h.iface ? ix.at.get(h.iface) : undefined) ?? ix.at.get(h.netns);
        if (!cur && target) cur = mid(target);
        push(i, 'deliver', target && target.kind !== 'host' ? [mid(target)] : [], `delivered: ${h.socket}`, target?.id);
        break;
      }
      case 'drop': {
        if (!cur) {
          const a = ix.anchor(h.netns);
          if (a) cur = a;
        }
        push(i, 'drop', [], `dropped: ${h.reason}`);
        break;
      }
      case 'reply':
        phase = 'reply';
        push(i, 'reply', [], `reply: ${h.summary}`);
        break;
      default:
        break;
    }
  });
  return steps;
}
