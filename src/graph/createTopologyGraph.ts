import { select } from 'd3-selection';
import { drag } from 'd3-drag';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import 'd3-transition';
import type { Hop } from '../engine/packet/types';
import type { Topology } from '../engine/topology';
import type { Drawn, DrawnLink, Layout } from './geometry';
import { layoutTopology, linkPath } from './layout';
import { LayoutMemory } from './memory';
import { PacketPlayer, type PacketSpeed, type PacketView } from './packetPlayer';
import { packetSteps } from './packetSteps';
import { Renderer } from './render';

export interface GraphCallbacks {
  /** A node was clicked or activated with the keyboard; null for a click on empty space. */
  readonly onSelect: (id: string | null, how: 'pointer' | 'keyboard') => void;
  /** The packet being shown changed step (null: none shown). */
  readonly onPacket?: (v: PacketView | null) => void;
}

/** The two <svg> elements React renders: the picture, and the packet layer laid over it. */
export interface GraphElements {
  readonly svg: SVGSVGElement;
  readonly overlay: SVGSVGElement;
}

export interface TopologyGraph {
  update(topology: Topology): void;
  /** Marks these ids (nodes or links) as related to what the student is looking at. */
  highlight(ids: readonly string[]): void;
  setSelected(id: string | null): void;
  animatePacket(hops: readonly Hop[], delivered?: boolean): void;
  /** Replays the last packet from the start, or pauses and steps through it. */
  replayPacket(speed: PacketSpeed): void;
  stepPacket(delta: 1 | -1): void;
  clearPacket(): void;
  fit(animate?: boolean): void;
  /** Pans (keeping the zoom) so a node is not under a panel covering the right of the picture. */
  reveal(id: string, inset: { readonly right: number }): void;
  /** The svg changed size: refit unless the student has zoomed or panned. */
  resized(width: number, height: number): void;
  /** Forget drags and slots: re-pack the picture in creation order. */
  tidy(): void;
  destroy(): void;
}

const FRESH_MS = 1800;
const MAX_FIT_SCALE = 1.3;
/** Below this zoom the 12 px labels are under 5 px on screen: they are hidden, which also keeps big labs fast. */
const LOD_SCALE = 0.42;
/** Below this one a container's frame is a few pixels wide: only frames, bridges and wires are drawn. */
const LOD_FAR = 0.16;

/**
 * D3 owns everything inside the <svg> elements React gives it. Positions come from the
 * deterministic layout plus what the student dragged (LayoutMemory); d3-zoom pans and zooms;
 * d3-drag moves frames (and everything drawn in them).
 *
 * Pan and zoom gestures move the picture as a composited layer (a CSS transform on the <svg>
 * elements) and commit the new transform to the SVG when the gesture ends: the browser moves
 * pixels instead of repainting thousands of shapes at every frame.
 */
export function createTopologyGraph(els: GraphElements, callbacks: GraphCallbacks): TopologyGraph {
  const svgEl = els.svg;
  const svg = select(svgEl);
  svg.selectAll('*').remove();
  select(els.overlay).selectAll('*').remove();
  const ns = 'http://www.w3.org/2000/svg';
  const defs = svg.append('defs');
  defs.append('marker').attr('id', 'dnl-arrow').attr('viewBox', '0 0 10 10').attr('refX', 9).attr('refY', 5)
    // User-space units: the head keeps its size when the wire is drawn thicker (selected).
    .attr('markerUnits', 'userSpaceOnUse').attr('markerWidth', 11).attr('markerHeight', 11).attr('orient', 'auto-start-reverse')
    .append('path').attr('d', 'M0,0L10,5L0,10z').attr('class', 'arrow-head');
  const viewport = svg.append('g').attr('class', 'viewport').node() as SVGGElement;
  const layer = (cls: string) => {
    const g = document.createElementNS(ns, 'g');
    g.setAttribute('class', cls);
    viewport.appendChild(g);
    return g;
  };
  const layers = { frames: layer('layer-frames'), links: layer('layer-links'), items: layer('layer-items') };
  const packetViewport = document.createElementNS(ns, 'g');
  packetViewport.setAttribute('class', 'viewport');
  els.overlay.appendChild(packetViewport);

  const renderer = new Renderer(layers);
  const mem = new LayoutMemory();
  mem.view = { w: svgEl.clientWidth, h: svgEl.clientHeight };
  let topo: Topology | null = null;
  let layout: Layout | null = null;
  let userZoomed = false;
  let selected: string | null = null;
  let highlighted: readonly string[] = [];
  let size = { w: svgEl.clientWidth, h: svgEl.clientHeight };
  let fittedTo = '';
  let committed: ZoomTransform = zoomIdentity;
  let gestureFrom: ZoomTransform | null = null;
  let lastPacket: { hops: readonly Hop[]; delivered: boolean } | null = null;
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const player = new PacketPlayer(packetViewport, (v) => callbacks.onPacket?.(v), (id) => setPacketHere(id));
  let packetHere: string | null = null;
  const setPacketHere = (id: string | null) => {
    if (packetHere === id) return;
    if (packetHere) renderer.element(packetHere)?.classList.remove('packet-here');
    packetHere = id;
    if (id) renderer.element(id)?.classList.add('packet-here');
  };

  // The transform lives on the <g> viewports; during a gesture the <svg>s are moved by CSS.
  const commit = (t: ZoomTransform) => {
    committed = t;
    const text = t.toString();
    viewport.setAttribute('transform', text);
    packetViewport.setAttribute('transform', text);
    svgEl.style.transform = '';
    els.overlay.style.transform = '';
    svgEl.classList.toggle('lod-low', t.k < LOD_SCALE);
    svgEl.classList.toggle('lod-far', t.k < LOD_FAR);
    player.setScale(t.k);
  };
  const preview = (t: ZoomTransform) => {
    const from = gestureFrom ?? committed;
    const s = t.k / from.k;
    const css = `translate(${t.x - from.x * s}px, ${t.y - from.y * s}px) scale(${s})`;
    svgEl.style.transform = css;
    els.overlay.style.transform = css;
  };

  const zoomer: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.02, 4])
    // The size comes from the ResizeObserver: d3's default reads the layout at every event.
    .extent(() => [[0, 0], [size.w, size.h]])
    .on('start', () => {
      gestureFrom = committed;
    })
    .on('zoom', (ev) => {
      if (ev.sourceEvent) userZoomed = true;
      if (gestureFrom) preview(ev.transform);
      else commit(ev.transform);
    })
    .on('end', (ev) => {
      gestureFrom = null;
      commit(ev.transform);
    });

  // Frames are dragged; the frame id is what LayoutMemory offsets. Registered before the zoom so
  // a press on a frame drags it, and a press on empty canvas pans.
  const draggable = (target: EventTarget | null): Drawn | null => {
    const g = target instanceof Element ? target.closest('g[data-node-id]') : null;
    const id = g?.getAttribute('data-node-id');
    const d = id ? renderer.drawn(id) : undefined;
    if (!d?.frame) return null;
    const frame = renderer.drawn(d.frame);
    return frame && (frame.shape === 'frame' || frame.id === d.id) ? frame : null;
  };
  let dragged: string | null = null;
  const dragger = drag<SVGSVGElement, unknown>()
    .clickDistance(4)
    .filter((ev: MouseEvent) => !ev.button && draggable(ev.target) !== null)
    .subject((ev) => {
      const d = draggable(ev.sourceEvent?.target ?? null);
      return d ? { x: ev.x, y: ev.y, id: d.id } : null;
    })
    .on('start', (ev) => {
      dragged = (ev.subject as { id: string }).id;
      renderer.element(dragged)?.classList.add('dragging');
    })
    .on('drag', (ev) => {
      if (dragged) moveFrame(dragged, ev.dx / committed.k, ev.dy / committed.k);
    })
    .on('end', () => {
      if (dragged) renderer.element(dragged)?.classList.remove('dragging');
      dragged = null;
      dragIndex = null;
    });
  svg.call(dragger).call(zoomer).on('dblclick.zoom', null);

  // One listener for every object: clicks and Enter/Space select, a click on empty space clears.
  const activate = (ev: Event) => {
    const g = ev.target instanceof Element ? ev.target.closest('g[role="button"]') : null;
    const id = g?.getAttribute('data-node-id') ?? null;
    callbacks.onSelect(id, ev.type === 'keydown' ? 'keyboard' : 'pointer');
  };
  svgEl.addEventListener('click', activate);
  const onKey = (ev: KeyboardEvent) => {
    if ((ev.key === 'Enter' || ev.key === ' ') && ev.target instanceof Element && ev.target.closest('g[role="button"]')) {
      ev.preventDefault();
      activate(ev);
    }
  };
  svgEl.addEventListener('keydown', onKey);

  /**
   * Moves a frame and everything drawn in it by (dx, dy), and re-draws the wires attached to
   * them. What a frame holds is found once per drag (`dragIndex`), so a pointer move costs the
   * frame's objects, not the whole picture's.
   */
  let dragIndex: { layout: Layout; frame: string; nodes: Drawn[]; links: DrawnLink[]; members: number[]; wires: number[]; pos: Map<string, number> } | null = null;
  const moveFrame = (frame: string, dx: number, dy: number) => {
    if (!layout) return;
    mem.move(frame, dx, dy);
    if (!dragIndex || dragIndex.layout !== layout || dragIndex.frame !== frame) {
      const nodes = [...layout.nodes];
      const pos = new Map<string, number>();
      const members: number[] = [];
      nodes.forEach((d, i) => {
        pos.set(d.id, i);
        if (d.frame === frame) members.push(i);
      });
      const inFrame = new Set(members.map((i) => nodes[i]?.id));
      const links = [...layout.links];
      const wires: number[] = [];
      links.forEach((l, i) => {
        if (inFrame.has(l.source) || inFrame.has(l.target)) wires.push(i);
      });
      dragIndex = { layout, frame, nodes, links, members, wires, pos };
    }
    const ix = dragIndex;
    const moved: Drawn[] = [];
    for (const i of ix.members) {
      const d = ix.nodes[i] as Drawn;
      const next = { ...d, x: d.x + dx, y: d.y + dy };
      ix.nodes[i] = next;
      moved.push(next);
    }
    const rewired: DrawnLink[] = [];
    for (const i of ix.wires) {
      const l = ix.links[i] as DrawnLink;
      const a = ix.nodes[ix.pos.get(l.source) ?? -1];
      const b = ix.nodes[ix.pos.get(l.target) ?? -1];
      if (!a || !b) continue;
      const next = { ...l, d: linkPath(l, a, b, ix.layout.busY) };
      ix.links[i] = next;
      rewired.push(next);
    }
    layout = { ...ix.layout, nodes: ix.nodes, links: ix.links };
    ix.layout = layout;
    renderer.shift(moved, rewired);
  };

  const draw = (animate: boolean) => {
    if (!topo) return;
    layout = layoutTopology(topo, mem);
    const fresh = renderer.render(layout, { animate });
    applyClasses();
    // New objects glow for a moment (the class is set as they enter), then look like the rest.
    if (animate && fresh.size) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        renderer.clearFresh(fresh);
      }, FRESH_MS);
      timers.add(timer);
    }
  };

  // Selection and highlight classes, toggled only on the elements whose state changes.
  let shownSelected: string | null = null;
  let shownRelated = new Set<string>();
  const applyClasses = () => {
    const el = (id: string | null) => (id ? renderer.element(id) : undefined);
    if (shownSelected !== selected) el(shownSelected)?.classList.remove('selected');
    el(selected)?.classList.add('selected');
    shownSelected = selected;
    const next = new Set(highlighted);
    for (const id of shownRelated) if (!next.has(id)) el(id)?.classList.remove('related');
    for (const id of next) el(id)?.classList.add('related');
    shownRelated = next;
    if (packetHere) el(packetHere)?.classList.add('packet-here');
  };

  const fitTransform = (): ZoomTransform | null => {
    if (!layout || size.w < 10 || size.h < 10) return null;
    const b = layout.bounds;
    const k = Math.min(MAX_FIT_SCALE, size.w / b.w, size.h / b.h);
    return zoomIdentity.translate(size.w / 2 - (b.x + b.w / 2) * k, size.h / 2 - (b.y + b.h / 2) * k).scale(k);
  };
  const fit = (animate = true) => {
    const t = fitTransform();
    if (!t || !layout) return;
    fittedTo = `${layout.bounds.x},${layout.bounds.y},${layout.bounds.w},${layout.bounds.h},${size.w},${size.h}`;
    svg.interrupt('fit');
    if (animate) svg.transition('fit').duration(400).call(zoomer.transform, t);
    else svg.call(zoomer.transform, t);
    userZoomed = false;
  };

  return {
    update(next) {
      const first = topo === null;
      topo = next;
      draw(!first);
      // Keep the whole picture in view as it grows, until the student zooms or pans themselves.
      const b = layout?.bounds;
      if (b && (first || !userZoomed) && fittedTo !== `${b.x},${b.y},${b.w},${b.h},${size.w},${size.h}`) fit(!first);
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
      lastPacket = { hops, delivered };
      player.load(packetSteps(hops, layout), delivered);
    },
    replayPacket(speed) {
      if (!layout || !lastPacket) return;
      player.load(packetSteps(lastPacket.hops, layout), lastPacket.delivered, speed);
    },
    stepPacket(delta) {
      player.step(delta);
    },
    clearPacket() {
      player.clear();
    },
    fit,
    reveal(id, inset) {
      const d = layout?.nodes.find((n) => n.id === id);
      if (!d || size.w - inset.right < 200) return;
      const k = committed.k;
      const right = committed.applyX(d.x + d.w);
      const limit = size.w - inset.right - 24;
      if (right <= limit) return;
      // Slide left just enough, but never push the object's left edge out of view.
      const dx = Math.min(right - limit, Math.max(0, committed.applyX(d.x) - 24));
      if (dx <= 0) return;
      svg.interrupt('fit');
      svg.transition('fit').duration(350).call(zoomer.transform, committed.translate(-dx / k, 0));
    },
    resized(width, height) {
      if (width === size.w && height === size.h) return;
      size = { w: width, h: height };
      mem.view = size;
      // A pane of another shape may want another number of columns (see layoutHost.columns).
      if (topo && layout) {
        const cols = mem.cols;
        const next = layoutTopology(topo, mem);
        if (mem.cols !== cols) {
          layout = next;
          renderer.render(layout, { animate: true });
          applyClasses();
        }
      }
      if (!userZoomed) fit(false);
    },
    tidy() {
      mem.tidy();
      draw(true);
      fit(true);
    },
    destroy() {
      for (const t of timers) clearTimeout(t);
      player.destroy();
      renderer.destroy();
      svg.interrupt('fit');
      svg.on('.zoom', null).on('.drag', null);
      svgEl.removeEventListener('click', activate);
      svgEl.removeEventListener('keydown', onKey);
      svg.selectAll('*').remove();
      select(els.overlay).selectAll('*').remove();
    },
  };
}
