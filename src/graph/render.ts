import type { Drawn, DrawnLink, Layout } from './geometry';
import { Mover, type Placed } from './mover';

/**
 * Keyed joins from a Layout to SVG, by hand rather than with d3-selection: a lab of 1,000
 * containers draws ~6,000 objects, and an update must touch only what changed.
 *
 * The DOM is flat on purpose. Every object is a `<g>` (for its data attributes, classes and
 * events) holding shapes at absolute coordinates; no `<g>` has a transform of its own. In
 * Chromium each SVG transform becomes a paint property node that splits the paint into chunks,
 * and the compositor's per-frame cost grows with the number of chunks: with one transform (the
 * viewport's) a frame costs the same whatever moved.
 *
 * Everything user-named is set with textContent, never as markup.
 */

export interface Layers {
  readonly frames: SVGGElement;
  readonly links: SVGGElement;
  readonly items: SVGGElement;
}

export interface RenderOptions {
  /** Animate moves, entries and exits, and mark new objects with a short highlight (not on the first render). */
  readonly animate: boolean;
}

const SVG = 'http://www.w3.org/2000/svg';
const FADE_MS = 300;
/**
 * Objects go into groups of this many inside each layer. When a shape changes, Chromium
 * recomputes the bounding box of every SVG container above it by walking all the container's
 * children: with 4,000 siblings that walk was most of an update's layout time.
 */
const BUCKET = 64;

/** Appends elements to a layer in buckets of BUCKET children. */
class Buckets {
  private current: SVGGElement | null = null;
  private count = 0;

  constructor(private readonly layer: SVGGElement) {}

  add(el: SVGGElement): void {
    if (!this.current || this.count >= BUCKET || !this.current.isConnected) {
      this.current = document.createElementNS(SVG, 'g');
      this.layer.appendChild(this.current);
      this.count = 0;
    }
    this.current.appendChild(el);
    this.count++;
  }
}
const NAMED_KINDS = new Set(['container', 'network', 'bridge', 'interface', 'veth', 'port', 'machine', 'router', 'netns', 'host', 'internet']);

interface NodeEntry {
  el: SVGGElement;
  d: Drawn;
  leaving: ReturnType<typeof setTimeout> | null;
}

interface LinkEntry {
  el: SVGGElement;
  d: DrawnLink;
  leaving: ReturnType<typeof setTimeout> | null;
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, parent: Element, cls?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  if (cls) e.setAttribute('class', cls);
  parent.appendChild(e);
  return e;
}

function set(e: Element | null | undefined, name: string, value: string | number): void {
  if (e) e.setAttribute(name, String(value));
}

/** What an element shows besides its position: when this is unchanged, only a move is needed. */
const sameContent = (a: Drawn, b: Drawn) =>
  a.w === b.w && a.h === b.h && a.label === b.label && a.sub === b.sub && a.state === b.state && a.tone === b.tone && a.shape === b.shape && a.subAbove === b.subAbove;
const sameLink = (a: DrawnLink, b: DrawnLink) =>
  a.d === b.d && a.tone === b.tone && a.caption?.x === b.caption?.x && a.caption?.y === b.caption?.y && a.caption?.text === b.caption?.text;

export class Renderer {
  private readonly nodes = new Map<string, NodeEntry>();
  private readonly linkEls = new Map<string, LinkEntry>();
  private readonly mover: Mover;
  private readonly buckets: { frames: Buckets; links: Buckets; items: Buckets };

  constructor(private readonly layers: Layers) {
    this.buckets = { frames: new Buckets(layers.frames), links: new Buckets(layers.links), items: new Buckets(layers.items) };
    this.mover = new Mover((id, p) => {
      const n = this.nodes.get(id);
      if (n) placeShapes(n.el, n.d, p.x, p.y);
    }, (id, d) => {
      const l = this.linkEls.get(id);
      if (l) l.el.firstElementChild?.setAttribute('d', d);
    });
  }

  /** The element drawn for an id (node or link), for selection and highlight classes. */
  element(id: string): SVGGElement | undefined {
    return this.nodes.get(id)?.el ?? this.linkEls.get(id)?.el;
  }

  drawn(id: string): Drawn | undefined {
    return this.nodes.get(id)?.d;
  }

  /** Draws a layout; returns the ids drawn for the first time (highlighted as new when animating). */
  render(layout: Layout, opts: RenderOptions): Set<string> {
    const entered = new Set<string>();
    const seen = new Set<string>();
    const moves: Placed[] = [];
    for (const d of layout.nodes) {
      seen.add(d.id);
      const prev = this.nodes.get(d.id);
      if (!prev) {
        this.enter(d, opts.animate);
        entered.add(d.id);
        continue;
      }
      if (prev.leaving) this.revive(prev);
      const old = prev.d;
      if (old === d) continue;
      prev.d = d;
      const changed = !sameContent(old, d);
      if (changed) drawContent(prev.el, d, prev.el.classList.contains('fresh'));
      const moved = old.x !== d.x || old.y !== d.y;
      if (moved && opts.animate) moves.push({ id: d.id, from: { x: old.x, y: old.y }, to: { x: d.x, y: d.y } });
      else if (moved || changed) placeShapes(prev.el, d, d.x, d.y);
    }
    if (seen.size !== this.nodes.size) for (const [id, n] of this.nodes) if (!seen.has(id) && !n.leaving) this.exit(id, n, opts.animate);

    const linkMoves: { id: string; from: string; to: string }[] = [];
    const seenLinks = new Set<string>();
    for (const d of layout.links) {
      seenLinks.add(d.id);
      const prev = this.linkEls.get(d.id);
      if (!prev) {
        this.enterLink(d, opts.animate);
        entered.add(d.id);
        continue;
      }
      if (prev.leaving) this.reviveLink(prev);
      if (prev.d === d || sameLink(prev.d, d)) {
        prev.d = d;
        continue;
      }
      const from = prev.d.d;
      prev.d = d;
      drawLink(prev.el, d, prev.el.classList.contains('fresh'));
      if (opts.animate && from !== d.d) {
        prev.el.firstElementChild?.setAttribute('d', from);
        linkMoves.push({ id: d.id, from, to: d.d });
      }
    }
    if (seenLinks.size !== this.linkEls.size) for (const [id, l] of this.linkEls) if (!seenLinks.has(id) && !l.leaving) this.exitLink(id, l, opts.animate);
    this.mover.start(moves, linkMoves, opts.animate);
    return entered;
  }

  /** Moves the given nodes and re-draws the given links now, without animation (dragging). */
  shift(nodes: readonly Drawn[], links: readonly DrawnLink[]): void {
    for (const d of nodes) {
      const n = this.nodes.get(d.id);
      if (!n) continue;
      n.d = d;
      placeShapes(n.el, d, d.x, d.y);
    }
    for (const d of links) {
      const l = this.linkEls.get(d.id);
      if (!l) continue;
      l.d = d;
      drawLink(l.el, d, false);
    }
  }

  /** Drops the fresh mark after its highlight, without a full render. */
  clearFresh(ids: Iterable<string>): void {
    for (const id of ids) {
      this.nodes.get(id)?.el.classList.remove('fresh', 'entering');
      this.linkEls.get(id)?.el.classList.remove('fresh', 'entering');
    }
  }

  destroy(): void {
    this.mover.stop();
    for (const n of this.nodes.values()) if (n.leaving) clearTimeout(n.leaving);
    for (const l of this.linkEls.values()) if (l.leaving) clearTimeout(l.leaving);
  }

  private enter(d: Drawn, animate: boolean): void {
    const g = document.createElementNS(SVG, 'g');
    g.setAttribute('data-node-id', d.id);
    g.setAttribute('data-kind', d.kind);
    if (NAMED_KINDS.has(d.kind)) g.setAttribute('data-name', d.name);
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    if (d.shape === 'frame') {
      el('rect', g, 'frame-box');
      el('text', g, 'frame-title');
      el('text', g, 'frame-sub');
    } else {
      el('rect', g, 'item-box');
      el('text', g, 'item-label');
      el('text', g, 'item-sub');
      if (d.shape === 'card') el('circle', g, 'state-dot').setAttribute('r', '4');
    }
    drawContent(g, d, animate);
    placeShapes(g, d, d.x, d.y);
    if (animate) g.classList.add('entering');
    (d.shape === 'frame' ? this.buckets.frames : this.buckets.items).add(g);
    this.nodes.set(d.id, { el: g, d, leaving: null });
  }

  private exit(id: string, n: NodeEntry, animate: boolean): void {
    if (!animate) {
      n.el.remove();
      this.nodes.delete(id);
      return;
    }
    n.el.classList.add('leaving');
    n.leaving = setTimeout(() => {
      n.el.remove();
      if (this.nodes.get(id) === n) this.nodes.delete(id);
    }, FADE_MS);
  }

  /** An element fading out whose id came back (undo right after rm): keep it. */
  private revive(n: NodeEntry): void {
    if (n.leaving) clearTimeout(n.leaving);
    n.leaving = null;
    n.el.classList.remove('leaving');
  }

  private enterLink(d: DrawnLink, animate: boolean): void {
    const g = document.createElementNS(SVG, 'g');
    g.setAttribute('data-node-id', d.id);
    g.setAttribute('data-kind', `link-${d.kind}`);
    g.setAttribute('data-source', d.source);
    g.setAttribute('data-target', d.target);
    const path = el('path', g, 'link-path');
    if (d.kind === 'nat') path.setAttribute('marker-end', 'url(#dnl-arrow)');
    if (d.caption) el('text', g, 'link-caption');
    drawLink(g, d, animate);
    if (animate) g.classList.add('entering');
    this.buckets.links.add(g);
    this.linkEls.set(d.id, { el: g, d, leaving: null });
  }

  private exitLink(id: string, l: LinkEntry, animate: boolean): void {
    if (!animate) {
      l.el.remove();
      this.linkEls.delete(id);
      return;
    }
    l.el.classList.add('leaving');
    l.leaving = setTimeout(() => {
      l.el.remove();
      if (this.linkEls.get(id) === l) this.linkEls.delete(id);
    }, FADE_MS);
  }

  private reviveLink(l: LinkEntry): void {
    if (l.leaving) clearTimeout(l.leaving);
    l.leaving = null;
    l.el.classList.remove('leaving');
  }
}

function drawLink(g: SVGGElement, d: DrawnLink, fresh: boolean): void {
  g.setAttribute('class', `link kind-${d.kind}${d.tone === null ? '' : ` tone-${d.tone}`}${fresh ? ' fresh' : ''}`);
  g.firstElementChild?.setAttribute('d', d.d);
  if (d.caption) {
    const t = g.lastElementChild;
    if (t && t.tagName === 'text') {
      set(t, 'x', d.caption.x);
      set(t, 'y', d.caption.y);
      t.textContent = d.caption.text;
    }
  }
}

/** Classes, texts and sizes: what does not depend on where the object is. */
function drawContent(g: SVGGElement, d: Drawn, fresh: boolean): void {
  const [box, label, sub] = [g.children[0], g.children[1], g.children[2]];
  if (d.shape === 'frame') {
    g.setAttribute('class', `frame kind-${d.kind}${fresh ? ' fresh' : ''}`);
    g.setAttribute('aria-label', `${d.kind} ${d.label}`);
    set(box, 'width', d.w);
    set(box, 'height', d.h);
    set(box, 'rx', d.kind === 'internet' ? 22 : 12);
    if (label) label.textContent = d.label;
    // Namespaces are captioned at the bottom: their top edge carries the NICs.
    if (sub) sub.textContent = d.kind === 'netns' ? '' : (d.sub ?? '');
    return;
  }
  g.setAttribute('class', `item shape-${d.shape} kind-${d.kind}${d.tone === null ? '' : ` tone-${d.tone}`}${d.state ? ` state-${d.state.toLowerCase()}` : ''}${fresh ? ' fresh' : ''}`);
  g.setAttribute('aria-label', `${d.kind} ${d.label}${d.sub ? ` ${d.sub}` : ''}`);
  set(box, 'width', d.w);
  set(box, 'height', d.h);
  switch (d.shape) {
    case 'pill':
    case 'badge':
      set(box, 'rx', d.shape === 'pill' ? d.h / 2 : 5);
      set(label, 'text-anchor', 'middle');
      set(sub, 'text-anchor', 'middle');
      break;
    case 'chip':
      set(box, 'rx', d.h / 2);
      break;
    case 'bar':
      set(box, 'rx', 6);
      break;
    case 'card':
      set(box, 'rx', 7);
      break;
    case 'row':
      set(box, 'rx', 3);
      set(sub, 'text-anchor', 'end');
      break;
    default:
      break;
  }
  if (label) label.textContent = d.shape === 'chip' ? `network ${d.label}` : d.label;
  if (sub) sub.textContent = d.shape === 'chip' ? '' : (d.sub ?? '');
}

/** Puts every shape of an object at (x, y): absolute coordinates, no transform (see above). */
export function placeShapes(g: SVGGElement, d: Drawn, x: number, y: number): void {
  const [box, label, sub, dot] = [g.children[0], g.children[1], g.children[2], g.children[3]];
  set(box, 'x', x);
  set(box, 'y', y);
  if (d.shape === 'frame') {
    const bottom = d.kind === 'netns';
    set(label, 'x', x + 12);
    set(label, 'y', y + (bottom ? d.h - 10 : 21));
    set(sub, 'x', x + 12);
    set(sub, 'y', y + 37);
    return;
  }
  switch (d.shape) {
    case 'pill':
    case 'badge':
      set(label, 'x', x + d.w / 2);
      set(label, 'y', y + d.h / 2 + 4.5);
      set(sub, 'x', x + d.w / 2);
      set(sub, 'y', y + (d.subAbove ? -6 : d.h + 14));
      break;
    case 'chip':
      set(label, 'x', x + 10);
      set(label, 'y', y + d.h / 2 + 4.5);
      break;
    case 'bar':
      set(label, 'x', x + 12);
      set(label, 'y', y + d.h / 2 + 5);
      set(sub, 'x', x + 22 + d.label.length * 8.6);
      set(sub, 'y', y + d.h / 2 + 5);
      break;
    case 'card':
      set(label, 'x', x + 12);
      set(label, 'y', y + 17);
      set(sub, 'x', x + 12);
      set(sub, 'y', y + 33);
      set(dot, 'cx', x + d.w - 12);
      set(dot, 'cy', y + 12);
      break;
    case 'row':
      set(label, 'x', x + 6);
      set(label, 'y', y + 13);
      set(sub, 'x', x + d.w - 6);
      set(sub, 'y', y + 13);
      break;
    default:
      break;
  }
}
