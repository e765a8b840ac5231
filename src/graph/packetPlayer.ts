import { pathLength, pointAlong, type PacketStep, type Point } from './packetSteps';

/**
 * Plays packet steps in the packet layer: a dot travelling the wires, a trail behind it (one
 * colour for the request, another for the answer), and notes pinned where something happened to
 * the packet (the NAT rewrite, the drop, the delivery). One requestAnimationFrame loop; the dot
 * and the notes keep their size on screen whatever the zoom.
 *
 * The layer lives in its own composited <svg> over the picture, so a frame of the animation
 * repaints the packet and nothing else.
 */

export type PacketSpeed = 'normal' | 'slow';

export interface PacketView {
  /** Step shown (0-based) and how many there are. */
  readonly index: number;
  readonly total: number;
  readonly step: PacketStep | null;
  readonly playing: boolean;
  readonly speed: PacketSpeed;
  readonly delivered: boolean;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Screen pixels per second the dot travels, and how long it rests where something happens. */
const PACE: Record<PacketSpeed, { pxPerSec: number; rest: number; minMove: number }> = {
  normal: { pxPerSec: 520, rest: 650, minMove: 140 },
  slow: { pxPerSec: 130, rest: 1800, minMove: 500 },
};
/** How long the finished journey stays on screen before it fades. */
const LINGER_MS = 6000;

function make<K extends keyof SVGElementTagNameMap>(tag: K, parent: Element, cls: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  e.setAttribute('class', cls);
  parent.appendChild(e);
  return e;
}

const polyline = (pts: readonly Point[]) => (pts.length ? `M${pts.map((p) => `${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`).join('L')}` : '');

export class PacketPlayer {
  private steps: readonly PacketStep[] = [];
  private delivered = true;
  private index = -1;
  private playing = false;
  private speed: PacketSpeed = 'normal';
  private stepStart = 0;
  private frame = 0;
  private linger: ReturnType<typeof setTimeout> | null = null;
  private k = 1;
  private readonly trails: Record<'request' | 'reply', SVGPathElement>;
  private readonly dot: SVGCircleElement;
  private readonly notes: SVGGElement;

  constructor(
    private readonly layer: SVGGElement,
    private readonly onChange: (v: PacketView | null) => void,
    private readonly light: (id: string | null) => void,
  ) {
    this.trails = { request: make('path', layer, 'packet-trail request'), reply: make('path', layer, 'packet-trail reply') };
    this.notes = make('g', layer, 'packet-notes');
    this.dot = make('circle', layer, 'packet-dot');
    this.dot.setAttribute('data-testid', 'packet-dot');
    this.dot.style.display = 'none';
  }

  /** A new packet: show it from the start at the chosen speed. */
  load(steps: readonly PacketStep[], delivered: boolean, speed: PacketSpeed = 'normal'): void {
    this.steps = steps;
    this.delivered = delivered;
    if (steps.length === 0) {
      this.clear();
      return;
    }
    this.play(speed);
  }

  play(speed: PacketSpeed = this.speed): void {
    if (!this.steps.length) return;
    this.speed = speed;
    this.resetDrawing();
    this.index = 0;
    this.playing = true;
    this.stepStart = performance.now();
    this.schedule();
    this.emit();
  }

  /** Pauses and shows the next (or previous) step, travelling it once. */
  step(delta: 1 | -1): void {
    if (!this.steps.length) return;
    const target = Math.max(0, Math.min(this.steps.length - 1, this.index + delta));
    this.playing = false;
    this.seek(target, delta > 0);
  }

  /** Screen-constant sizes follow the zoom. */
  setScale(k: number): void {
    this.k = k;
    this.dot.setAttribute('r', String(8 / k));
    for (const n of this.notes.children) this.scaleNote(n as SVGGElement);
    this.layer.style.setProperty('--packet-k', String(k));
  }

  clear(): void {
    this.stop();
    this.steps = [];
    this.index = -1;
    this.resetDrawing();
    this.dot.style.display = 'none';
    this.light(null);
    this.onChange(null);
  }

  destroy(): void {
    this.stop();
  }

  private stop(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.linger) clearTimeout(this.linger);
    this.linger = null;
  }

  private resetDrawing(): void {
    this.stop();
    this.trails.request.setAttribute('d', '');
    this.trails.reply.setAttribute('d', '');
    this.notes.replaceChildren();
    this.layer.classList.remove('fading');
    this.dot.setAttribute('class', 'packet-dot');
    this.dot.style.display = '';
    this.dot.setAttribute('r', String(8 / this.k));
  }

  private duration(s: PacketStep): number {
    const pace = PACE[this.speed];
    const len = pathLength(s.path) * this.k;
    const move = len > 1 ? Math.max(pace.minMove, (len / pace.pxPerSec) * 1000) : 0;
    const rest = s.kind === 'move' ? 0 : s.kind === 'start' ? pace.rest / 2 : pace.rest;
    return Math.min(move, this.speed === 'slow' ? 4000 : 1400) + rest;
  }

  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(this.tick);
  }

  private readonly tick = (now: number) => {
    this.frame = 0;
    const s = this.steps[this.index];
    if (!s) return;
    const total = this.duration(s);
    const pace = PACE[this.speed];
    const moving = total - (s.kind === 'move' ? 0 : s.kind === 'start' ? pace.rest / 2 : pace.rest);
    const t = moving > 0 ? Math.min(1, (now - this.stepStart) / moving) : 1;
    this.drawAt(this.index, t);
    if (now - this.stepStart < total) {
      this.schedule();
      return;
    }
    if (!this.playing) return;
    if (this.index < this.steps.length - 1) {
      this.index++;
      this.stepStart = now;
      this.emit();
      this.schedule();
      return;
    }
    this.playing = false;
    this.emit();
    this.linger = setTimeout(() => {
      this.layer.classList.add('fading');
      this.light(null);
    }, LINGER_MS);
  };

  private seek(target: number, animate: boolean): void {
    this.resetDrawing();
    for (let i = 0; i < target; i++) this.drawAt(i, 1);
    this.index = target;
    this.stepStart = performance.now();
    if (animate) this.schedule();
    else this.drawAt(target, 1);
    this.emit();
  }

  /** Draws the journey up to step `i`, `t` of the way through it. */
  private drawAt(i: number, t: number): void {
    const s = this.steps[i];
    if (!s) return;
    // One line per packet and phase: a second packet's trail does not join the first one's end.
    const trail: Record<'request' | 'reply', { walk: number; pts: Point[] }[]> = { request: [], reply: [] };
    const add = (p: PacketStep, pts: readonly Point[]) => {
      const lines = trail[p.phase];
      const last = lines[lines.length - 1];
      if (last && last.walk === p.walk) last.pts.push(...pts);
      else lines.push({ walk: p.walk, pts: [...pts] });
    };
    for (let j = 0; j < i; j++) {
      const p = this.steps[j];
      if (p) add(p, p.path);
    }
    const travelled = s.path.length > 1 ? this.partial(s.path, t) : s.path;
    add(s, travelled);
    this.trails.request.setAttribute('d', trail.request.map((l) => polyline(l.pts)).join(''));
    this.trails.reply.setAttribute('d', trail.reply.map((l) => polyline(l.pts)).join(''));
    const at = travelled[travelled.length - 1] ?? s.path[0];
    if (at) {
      this.dot.setAttribute('cx', String(at.x));
      this.dot.setAttribute('cy', String(at.y));
    }
    const last = i === this.steps.length - 1 && t >= 1;
    this.dot.setAttribute('class', `packet-dot ${s.phase}${s.kind === 'drop' ? ' dropped' : ''}${last && this.delivered && s.kind === 'deliver' ? ' delivered' : ''}`);
    this.dot.setAttribute('data-step', String(i));
    this.dot.setAttribute('data-step-kind', s.kind);
    // For tests and the curious: set while the packet travels, cleared when it has arrived.
    this.dot.toggleAttribute('data-moving', t < 1);
    if (s.node) this.dot.setAttribute('data-at', s.node);
    else this.dot.removeAttribute('data-at');
    if (t >= 1 && (s.kind === 'nat' || s.kind === 'drop') && !this.notes.querySelector(`[data-step="${i}"]`)) this.note(s, i);
    if (t >= 1 || s.kind !== 'move') this.light(s.node ?? null);
  }

  private partial(path: readonly Point[], t: number): Point[] {
    if (t >= 1) return [...path];
    const end = pointAlong(path, t);
    const out: Point[] = [path[0] as Point];
    const want = pathLength(path) * t;
    let acc = 0;
    for (let i = 1; i < path.length; i++) {
      const a = path[i - 1] as Point;
      const b = path[i] as Point;
      acc += Math.hypot(b.x - a.x, b.y - a.y);
      if (acc >= want) break;
      out.push(b);
    }
    out.push(end);
    return out;
  }

  /** A label pinned where the packet was rewritten or dropped; user-visible text via textContent. */
  private note(s: PacketStep, i: number): void {
    const at = s.path[s.path.length - 1];
    if (!at) return;
    // A later packet rewritten at the same place (the connection after its DNS lookup) replaces the note.
    for (const old of this.notes.querySelectorAll<SVGGElement>('.packet-note')) if (old.dataset.x === String(at.x) && old.dataset.y === String(at.y)) old.remove();
    const g = make('g', this.notes, `packet-note ${s.kind}`);
    g.setAttribute('data-step', String(i));
    g.setAttribute('data-testid', `packet-note-${s.kind}`);
    g.dataset.x = String(at.x);
    g.dataset.y = String(at.y);
    const box = make('rect', g, 'packet-note-box');
    const text = make('text', g, 'packet-note-text');
    const label = s.kind === 'drop' ? `✕ ${s.text}` : s.text;
    text.textContent = label.length > 90 ? `${label.slice(0, 88)}…` : label;
    // One text measured once per note (a NAT or a drop): a forced layout of the packet layer only.
    let w = Math.round(Math.min(label.length, 90) * 8) + 20;
    try {
      const measured = text.getComputedTextLength();
      if (measured > 0) w = Math.ceil(measured) + 20;
    } catch {
      // Not rendered (a test DOM): keep the estimate.
    }
    // Up and to the left of where it happened: port badges sit to the right of the host's NIC.
    const place = (x: number) => {
      box.setAttribute('x', String(x));
      text.setAttribute('x', String(x + 10));
    };
    place(-14 - w);
    box.setAttribute('y', '-34');
    box.setAttribute('width', String(w));
    box.setAttribute('height', '24');
    box.setAttribute('rx', '5');
    text.setAttribute('y', '-17');
    this.scaleNote(g);
    // Where the left is cut off by the pane (a narrow picture beside the lessons): to the right,
    // or, where neither side has room, from the pane's left edge. The note is drawn at screen scale,
    // so its local units are screen pixels.
    const pane = this.layer.ownerSVGElement?.getBoundingClientRect();
    const left = g.getBoundingClientRect().left;
    if (!pane || pane.width === 0 || left >= pane.left) return;
    const pointX = left + 14 + w;
    place(pointX + 14 + w <= pane.right ? 14 : Math.min(14, pane.left + 4 - pointX));
  }

  private scaleNote(g: SVGGElement): void {
    g.setAttribute('transform', `translate(${g.dataset.x ?? 0},${g.dataset.y ?? 0}) scale(${1 / this.k})`);
  }

  private emit(): void {
    const step = this.steps[this.index] ?? null;
    this.onChange({ index: this.index, total: this.steps.length, step, playing: this.playing, speed: this.speed, delivered: this.delivered });
  }
}
