import { select } from 'd3-selection';
import { drag } from 'd3-drag';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import 'd3-transition';
import type { Hop } from '../engine/packet/types';
import type { Topology } from '../engine/topology';
import type { Drawn, Layout } from './geometry';
import { layoutTopology } from './layout';
import { LayoutMemory } from './memory';
import { animateAlong, packetPath } from './packet';
import { Renderer } from './render';

export interface GraphCallbacks {
  /** A node was clicked or activated with the keyboard; null for a click on empty space. */
  readonly onSelect: (id: string | null) => void;
}

export interface TopologyGraph {
  update(topology: Topology): void;
  /** Marks these ids (nodes or links) as related to what the student is looking at. */
  highlight(ids: readonly string[]): void;
  setSelected(id: string | null): void;
  animatePacket(hops: readonly Hop[], delivered?: boolean): void;
  fit(animate?: boolean): void;
  /** The svg changed size: refit unless the student has zoomed or panned. */
  resized(): void;
  /** Forget drags and slots: re-pack the picture in creation order. */
  tidy(): void;
  /** Milliseconds the last update took (layout + join), for the performance check. */
  lastUpdateMs(): number;
  destroy(): void;
}

const FRESH_MS = 1800;
const MAX_FIT_SCALE = 1.3;

/**
 * D3 owns everything inside the <svg> React gives it. Positions come from the deterministic
 * layout plus what the student dragged (LayoutMemory); d3-zoom pans and zooms a viewport group;
 * d3-drag moves frames (and everything drawn in them).
 */
export function createTopologyGraph(svgEl: SVGSVGElement, callbacks: GraphCallbacks): TopologyGraph {
  const svg = select(svgEl);
  svg.selectAll('*').remove();
  const defs = svg.append('defs');
  defs.append('marker').attr('id', 'dnl-arrow').attr('viewBox', '0 0 10 10').attr('refX', 9).attr('refY', 5)
    // User-space units: the head keeps its size when the wire is drawn thicker (selected).
    .attr('markerUnits', 'userSpaceOnUse').attr('markerWidth', 11).attr('markerHeight', 11).attr('orient', 'auto-start-reverse')
    .append('path').attr('d', 'M0,0L10,5L0,10z').attr('class', 'arrow-head');
  const viewport = svg.append('g').attr('class', 'viewport');
  const layers = {
    frames: viewport.append('g').attr('class', 'layer-frames'),
    links: viewport.append('g').attr('class', 'layer-links'),
    items: viewport.append('g').attr('class', 'layer-items'),
  };
  const packets = viewport.append('g').attr('class', 'layer-packets');
  const renderer = new Renderer(layers);
  const mem = new LayoutMemory();
  let topo: Topology | null = null;
  let layout: Layout | null = null;
  let known = new Set<string>();
  let userZoomed = false;
  let updateMs = 0;
  let selected: string | null = null;
  let highlighted: readonly string[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const zoomer: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.08, 4])
    .on('zoom', (ev) => {
      viewport.attr('transform', ev.transform.toString());
      if (ev.sourceEvent) userZoomed = true;
    });
  svg.call(zoomer).on('dblclick.zoom', null);
  svg.on('click.select', (ev: MouseEvent) => {
    if (ev.target === svgEl) callbacks.onSelect(null);
  });

  const activate = (id: string) => callbacks.onSelect(id);

  const draw = (animate: boolean, fresh: ReadonlySet<string>) => {
    if (!topo) return;
    layout = layoutTopology(topo, mem);
    renderer.render(layout, { animate, fresh, onActivate: activate });
    bindDrag();
    applyClasses();
  };

  // Frames are dragged; the frame id is what LayoutMemory offsets.
  const dragger = drag<SVGGElement, Drawn>()
    .clickDistance(4)
    .on('start', function () {
      select(this).classed('dragging', true);
    })
    .on('drag', (ev, d) => {
      mem.move(d.frame ?? d.id, ev.dx, ev.dy);
      draw(false, new Set());
    })
    .on('end', function () {
      select(this).classed('dragging', false);
    });
  // Bound once per element (rebinding in the middle of a drag would restart the gesture).
  const bindDrag = () => {
    layers.frames.selectAll<SVGGElement, Drawn>('g.frame:not([data-drag])').attr('data-drag', '').call(dragger);
    // Stopped containers have no frame of their own: their card is what the student drags.
    layers.items.selectAll<SVGGElement, Drawn>('g.item.shape-card:not([data-drag])').filter((d) => d.frame === d.id).attr('data-drag', '').call(dragger);
  };

  // Selection and highlight classes, toggled only on the elements whose state changes.
  let shownSelected: string | null = null;
  let shownRelated = new Set<string>();
  const applyClasses = () => {
    const el = (id: string | null) => (id ? renderer.elements.get(id) : undefined);
    if (shownSelected !== selected) el(shownSelected)?.classList.remove('selected');
    el(selected)?.classList.add('selected');
    shownSelected = selected;
    const next = new Set(highlighted);
    for (const id of shownRelated) if (!next.has(id)) el(id)?.classList.remove('related');
    for (const id of next) el(id)?.classList.add('related');
    shownRelated = next;
  };

  const fit = (animate = true) => {
    if (!layout) return;
    const { width, height } = svgEl.getBoundingClientRect();
    if (width < 10 || height < 10) return;
    const b = layout.bounds;
    const k = Math.min(MAX_FIT_SCALE, width / b.w, height / b.h);
    const t = zoomIdentity.translate(width / 2 - (b.x + b.w / 2) * k, height / 2 - (b.y + b.h / 2) * k).scale(k);
    if (animate) svg.transition('fit').duration(400).call(zoomer.transform, t);
    else svg.call(zoomer.transform, t);
    userZoomed = false;
  };

  return {
    update(next) {
      const t0 = performance.now();
      const first = topo === null;
      topo = next;
      const ids = new Set<string>();
      for (const n of next.nodes) ids.add(n.id);
      for (const l of next.links) ids.add(l.id);
      const fresh = new Set<string>();
      if (!first) for (const id of ids) if (!known.has(id)) fresh.add(id);
      known = ids;
      draw(!first, fresh);
      if (fresh.size) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          renderer.clearFresh(fresh);
        }, FRESH_MS);
        timers.add(timer);
      }
      updateMs = performance.now() - t0;
      svgEl.setAttribute('data-update-ms', updateMs.toFixed(1));
      // Keep the whole picture in view as it grows, until the student zooms or pans themselves.
      if (first || !userZoomed) fit(!first);
    },
    highlight(ids) {
      highlighted = ids;
      applyClasses();
    },
    setSelected(id) {
      selected = id;
      applyClasses();
    },
    animatePacket(hops, delivered = true) {
      if (!layout) return;
      const points = packetPath(hops, layout);
      if (points.length >= 2) animateAlong(packets, points, delivered);
    },
    fit,
    resized() {
      if (!userZoomed) fit(false);
    },
    tidy() {
      mem.tidy();
      draw(true, new Set());
      fit(true);
    },
    lastUpdateMs: () => updateMs,
    destroy() {
      for (const t of timers) clearTimeout(t);
      svg.interrupt();
      svg.on('.zoom', null).on('click.select', null);
      svg.selectAll('*').interrupt().remove();
    },
  };
}
