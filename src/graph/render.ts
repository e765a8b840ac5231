import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import type { Drawn, DrawnLink, Layout } from './geometry';

/**
 * Keyed data joins from a Layout to SVG. Frames, links and items live in three layers so wires
 * run over namespace frames but under the interfaces they connect. Everything user-named is set
 * with .text() (textContent), never as markup.
 */

export interface Layers {
  readonly frames: Selection<SVGGElement, unknown, null, undefined>;
  readonly links: Selection<SVGGElement, unknown, null, undefined>;
  readonly items: Selection<SVGGElement, unknown, null, undefined>;
}

export interface RenderOptions {
  /** Animate moves, entries and exits (false while dragging: the pointer must not lag). */
  readonly animate: boolean;
  /** Ids present for the first time: drawn with a short highlight. */
  readonly fresh: ReadonlySet<string>;
  readonly onActivate: (id: string, ev: Event) => void;
}

const MOVE_MS = 350;
const FADE_MS = 300;
const NAMED = new Set(['container', 'network', 'bridge']);

function tag(el: Element, d: Drawn) {
  el.setAttribute('data-node-id', d.id);
  el.setAttribute('data-kind', d.kind);
  if (NAMED.has(d.kind)) el.setAttribute('data-name', d.name);
}

function a11y(sel: Selection<SVGGElement, Drawn, SVGGElement, unknown>, opts: RenderOptions) {
  sel
    .attr('tabindex', 0)
    .attr('role', 'button')
    .on('click', (ev: MouseEvent, d) => {
      ev.stopPropagation();
      opts.onActivate(d.id, ev);
    })
    .on('keydown', (ev: KeyboardEvent, d) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        opts.onActivate(d.id, ev);
      }
    });
}

const translate = (d: Drawn) => `translate(${d.x},${d.y})`;

/** Everything about a drawn node that its element shows, so unchanged elements are left alone. */
const nodeSig = (d: Drawn, fresh: boolean) => `${d.w},${d.h},${d.label},${d.sub ?? ''},${d.state ?? ''},${d.tone ?? ''},${d.subAbove ? 1 : 0},${fresh ? 1 : 0}`;
const linkSig = (d: DrawnLink, fresh: boolean) => `${d.d},${d.tone ?? ''},${d.caption?.x ?? ''},${fresh ? 1 : 0}`;

function enterFade(sel: Selection<SVGGElement, Drawn, SVGGElement, unknown>, opts: RenderOptions) {
  if (opts.animate) sel.style('opacity', 0).transition('fade').duration(FADE_MS).style('opacity', 1);
}

function exitFade<T extends Element, D>(sel: Selection<T, D, SVGGElement, unknown>, opts: RenderOptions) {
  if (!opts.animate) {
    sel.remove();
    return;
  }
  sel.classed('leaving', true).transition('fade').duration(FADE_MS).style('opacity', 0).remove();
}

/** An element fading out whose id came back (undo right after rm): bring it back. */
function revive<T extends Element, D>(sel: Selection<T, D, SVGGElement, unknown>) {
  sel.filter('.leaving').interrupt('fade').classed('leaving', false).style('opacity', null);
}

/**
 * Renders layouts into the three layers. Work is proportional to what changed: elements whose
 * position and content are the same as last time are not touched, which keeps an update with a
 * hundred containers well inside one frame.
 */
export class Renderer {
  private pos = new Map<string, string>();
  private sig = new Map<string, string>();
  /** Element of each id, for selection and highlight classes without querying the DOM. */
  readonly elements = new Map<string, SVGGElement>();

  constructor(private readonly layers: Layers) {}

  render(layout: Layout, opts: RenderOptions): void {
    const nextPos = new Map<string, string>();
    const nextSig = new Map<string, string>();
    const frames: Drawn[] = [];
    const items: Drawn[] = [];
    for (const n of layout.nodes) (n.shape === 'frame' ? frames : items).push(n);
    const changed = (d: Drawn) => {
      const sig = nodeSig(d, opts.fresh.has(d.id));
      nextSig.set(d.id, sig);
      return this.sig.get(d.id) !== sig;
    };
    const moved = (d: Drawn) => {
      const p = translate(d);
      nextPos.set(d.id, p);
      return this.pos.get(d.id) !== p;
    };
    this.frames(frames, opts, changed, moved);
    this.links(layout.links, opts, nextSig);
    this.items(items, opts, changed, moved);
    this.pos = nextPos;
    this.sig = nextSig;
  }

  private track<D extends { readonly id: string }>(sel: Selection<SVGGElement, D, SVGGElement, unknown>, exit: Selection<SVGGElement, D, SVGGElement, unknown>) {
    exit.each((d) => this.elements.delete(d.id));
    sel.each((d, i, nodes) => {
      const el = nodes[i];
      if (el) this.elements.set(d.id, el);
    });
  }

  private place(sel: Selection<SVGGElement, Drawn, SVGGElement, unknown>, opts: RenderOptions, moved: (d: Drawn) => boolean) {
    const movers = sel.filter((d) => moved(d) && this.pos.has(d.id));
    if (opts.animate) movers.transition('move').duration(MOVE_MS).attr('transform', translate);
    else movers.interrupt('move').attr('transform', translate);
  }

  private frames(data: readonly Drawn[], opts: RenderOptions, changed: (d: Drawn) => boolean, moved: (d: Drawn) => boolean) {
    const sel = this.layers.frames.selectAll<SVGGElement, Drawn>('g.frame').data(data, (d) => d.id);
    exitFade(sel.exit(), opts);
    revive(sel);
    const enter = sel.enter().append('g').attr('transform', translate);
    enter.each(function (d) {
      const g = select<SVGGElement, Drawn>(this);
      tag(this, d);
      g.append('rect').attr('class', 'frame-box').attr('rx', d.kind === 'internet' ? 22 : 12);
      g.append('text').attr('class', 'frame-title');
      g.append('text').attr('class', 'frame-sub');
    });
    enterFade(enter, opts);
    a11y(enter, opts);
    const all = enter.merge(sel);
    this.track(all, sel.exit());
    all.filter(changed).each(function (d) {
      const g = select(this);
      g.attr('class', `frame kind-${d.kind}${opts.fresh.has(d.id) ? ' fresh' : ''}`);
      g.attr('aria-label', `${d.kind} ${d.label}`);
      g.select('rect').attr('width', d.w).attr('height', d.h);
      // Namespaces are captioned at the bottom: their top edge carries the NICs.
      const bottom = d.kind === 'netns';
      g.select('.frame-title').attr('x', 12).attr('y', bottom ? d.h - 10 : 21).text(d.label);
      g.select('.frame-sub').attr('x', 12).attr('y', 37).text(bottom ? '' : (d.sub ?? ''));
    });
    this.place(all, opts, moved);
  }

  private links(data: readonly DrawnLink[], opts: RenderOptions, nextSig: Map<string, string>) {
    const sel = this.layers.links.selectAll<SVGGElement, DrawnLink>('g.link').data(data, (d) => d.id);
    exitFade(sel.exit(), opts);
    revive(sel);
    const enter = sel.enter().append('g');
    enter.each(function (d) {
      const g = select(this);
      g.attr('data-node-id', d.id).attr('data-kind', `link-${d.kind}`).attr('data-source', d.source).attr('data-target', d.target);
      g.append('path').attr('class', 'link-path').attr('marker-end', d.kind === 'nat' ? 'url(#dnl-arrow)' : null);
      if (d.caption) g.append('text').attr('class', 'link-caption');
      if (opts.animate) g.style('opacity', 0).transition('fade').duration(FADE_MS).style('opacity', 1);
    });
    const all = enter.merge(sel);
    this.track(all, sel.exit());
    all
      .filter((d) => {
        const sig = linkSig(d, opts.fresh.has(d.id));
        nextSig.set(d.id, sig);
        return this.sig.get(d.id) !== sig;
      })
      .each(function (d) {
        const g = select(this);
        g.attr('class', `link kind-${d.kind}${d.tone === null ? '' : ` tone-${d.tone}`}${opts.fresh.has(d.id) ? ' fresh' : ''}`);
        g.select('path').attr('d', d.d);
        if (d.caption) g.select('text').attr('x', d.caption.x).attr('y', d.caption.y).text(d.caption.text);
      });
  }

  private items(data: readonly Drawn[], opts: RenderOptions, changed: (d: Drawn) => boolean, moved: (d: Drawn) => boolean) {
    const sel = this.layers.items.selectAll<SVGGElement, Drawn>('g.item').data(data, (d) => d.id);
    exitFade(sel.exit(), opts);
    revive(sel);
    const enter = sel.enter().append('g').attr('transform', translate);
    enter.each(function (d) {
      const g = select<SVGGElement, Drawn>(this);
      tag(this, d);
      g.append('rect').attr('class', 'item-box');
      g.append('text').attr('class', 'item-label');
      g.append('text').attr('class', 'item-sub');
      if (d.shape === 'card') g.append('circle').attr('class', 'state-dot').attr('r', 4);
    });
    enterFade(enter, opts);
    a11y(enter, opts);
    const all = enter.merge(sel);
    this.track(all, sel.exit());
    all.filter(changed).each(function (d) {
      this.setAttribute('class', `item shape-${d.shape} kind-${d.kind}${d.tone === null ? '' : ` tone-${d.tone}`}${d.state ? ` state-${d.state.toLowerCase()}` : ''}${opts.fresh.has(d.id) ? ' fresh' : ''}`);
      drawItem(select(this), d);
    });
    this.place(all, opts, moved);
  }

  /** Drops the fresh mark after its animation, without a full render. */
  clearFresh(ids: Iterable<string>): void {
    for (const id of ids) {
      this.elements.get(id)?.classList.remove('fresh');
      this.sig.delete(id); // its signature included "fresh": redraw it next time
    }
  }
}

/** Geometry of one item inside its group, by shape. */
function drawItem(g: Selection<SVGGElement, unknown, null, undefined>, d: Drawn) {
  g.attr('aria-label', `${d.kind} ${d.label}${d.sub ? ` ${d.sub}` : ''}`);
  const box = g.select('rect').attr('width', d.w).attr('height', d.h);
  const label = g.select('.item-label');
  const sub = g.select('.item-sub');
  switch (d.shape) {
    case 'pill':
    case 'badge':
      box.attr('rx', d.shape === 'pill' ? d.h / 2 : 5);
      label.attr('x', d.w / 2).attr('y', d.h / 2 + 4).attr('text-anchor', 'middle').text(d.label);
      sub.attr('x', d.w / 2).attr('y', d.subAbove ? -5 : d.h + 13).attr('text-anchor', 'middle').text(d.sub ?? '');
      break;
    case 'chip':
      box.attr('rx', d.h / 2);
      label.attr('x', 9).attr('y', d.h / 2 + 4).text(`network ${d.label}`);
      sub.text('');
      break;
    case 'bar':
      box.attr('rx', 6);
      label.attr('x', 12).attr('y', d.h / 2 + 5).text(d.label);
      sub.attr('x', 20 + d.label.length * 8.2).attr('y', d.h / 2 + 5).text(d.sub ?? '');
      break;
    case 'card':
      box.attr('rx', 7);
      label.attr('x', 12).attr('y', 16).text(d.label);
      sub.attr('x', 12).attr('y', 31).text(d.sub ?? '');
      g.select('.state-dot').attr('cx', d.w - 12).attr('cy', 12);
      break;
    case 'row':
      box.attr('rx', 3);
      label.attr('x', 6).attr('y', 12).text(d.label);
      sub.attr('x', d.w - 6).attr('y', 12).attr('text-anchor', 'end').text(d.sub ?? '');
      break;
    default:
      break;
  }
}
