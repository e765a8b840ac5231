import { INTERNET_ID, type TopoLink, type TopoNode, type Topology } from '../engine/topology';
import { HOST_NS as HOST_ID } from '../engine/ids';
import { type Drawn, type DrawnLink, type Layout, type Rect, PILL_H, busWire, pillWidth, sideEntry, sideWire, union, verticalWire } from './geometry';
import { pill, type Index } from './shapes';
import type { LayoutMemory } from './memory';
import { placeHostAndGrid } from './layoutHost';

/**
 * A deterministic layout that reads like a textbook figure: the LAN and the internet on top, the
 * host's namespace as a wide frame (its NIC on the top edge, bridges as bars, host-side veths on
 * the bottom edge), and below it one frame per container namespace, each wired straight up to
 * its veth. A force layout would move things every time the student types; this one keeps every
 * frame in its grid slot (LayoutMemory), so the picture changes only where the command did.
 */

/** The two ends a wire was drawn between (objects of the layout that drew it). */
const linkEnds = new WeakMap<DrawnLink, readonly [Drawn, Drawn]>();

/** The LAN's first wire with the segment's name on it, by the wire it was made from. */
const captioned = new WeakMap<DrawnLink, DrawnLink>();

/** The LAN row sits this far above the host frame's top edge; its bus this far. */
export const TOP_ROW_GAP = 70;
export const LAN_BUS_GAP = 40;


function index(topo: Topology): Index {
  // byId holds only what the layout looks up by id (the frames and the LAN's NICs), not the
  // thousands of interfaces and containers of a big lab: this runs after every command.
  const byId = new Map<string, TopoNode>();
  const kids = new Map<string, TopoNode[]>();
  // One colour per bridge, in creation order, shared by its ports, wires and container NICs.
  const tone = new Map<string, number>();
  const veths: TopoNode[] = [];
  let k = 0;
  for (const n of topo.nodes) {
    if (n.kind === 'veth') veths.push(n);
    else if (n.kind === 'bridge') tone.set(n.id, k++ % 6);
    else if (n.kind !== 'container' && n.kind !== 'interface') byId.set(n.id, n);
    if (n.parent) {
      const list = kids.get(n.parent);
      if (list) list.push(n);
      else kids.set(n.parent, [n]);
    }
  }
  for (const n of veths) {
    const t = n.details.master ? tone.get(n.details.master) : undefined;
    if (t === undefined) continue;
    tone.set(n.id, t);
    if (n.details.peer) tone.set(n.details.peer, t);
  }
  const lanNics = new Set<string>();
  const wanNics = new Set<string>();
  for (const l of topo.links) {
    if (l.kind === 'lan') lanNics.add(l.source);
    if (l.kind === 'wan') wanNics.add(l.source);
  }
  return { byId, kids, tone, lanNics, wanNics };
}

export function layoutTopology(topo: Topology, mem: LayoutMemory): Layout {
  const ix = index(topo);
  const out: Drawn[] = [];
  const host = ix.byId.get(HOST_ID);
  const hostPlaced = host ? placeHostAndGrid(host, ix, topo, mem, out) : { eth0X: 260, hostTop: 0 };
  const busY = hostPlaced.hostTop - LAN_BUS_GAP;
  const topFrom = out.length;
  // In a pane taller than wide the internet goes above the router: the LAN row is then no wider
  // than the host, and the picture can be drawn larger.
  const narrow = mem.view !== null && mem.view.w > 10 && mem.view.w / mem.view.h < 1.05;
  placeTopRow(ix, hostPlaced.eth0X, hostPlaced.hostTop - TOP_ROW_GAP, narrow, out);
  for (let i = topFrom; i < out.length; i++) out[i] = mem.intern(out[i] as Drawn);
  mem.endLayout();

  // Dragged frames carry everything drawn in them (copies: drawings are re-used between updates).
  if (mem.moved.size) {
    for (let i = 0; i < out.length; i++) {
      const d = out[i] as Drawn;
      const m = d.frame ? mem.moved.get(d.frame) : undefined;
      if (m) out[i] = { ...d, x: d.x + m.dx, y: d.y + m.dy };
    }
  }
  const at = new Map<string, Drawn>();
  for (const d of out) at.set(d.id, d);
  const links: DrawnLink[] = [];
  const drawnLinks = new Map<string, DrawnLink>();
  let lanX0 = Infinity;
  let lanX1 = -Infinity;
  let lanFirst = -1;
  for (const l of topo.links) {
    const a = at.get(l.source);
    const b = at.get(l.target);
    if (!a || !b) continue;
    if (l.kind === 'lan') {
      if (lanFirst < 0) lanFirst = links.length;
      lanX0 = Math.min(lanX0, a.x + a.w / 2, b.x + b.w / 2);
      lanX1 = Math.max(lanX1, a.x + a.w / 2, b.x + b.w / 2);
    }
    // A wire whose two ends are drawn exactly as last time (the same objects) is the same wire.
    const old = mem.links.get(l.id);
    const ends = old ? linkEnds.get(old) : undefined;
    const tone = ix.tone.get(l.source) ?? null;
    let d: DrawnLink;
    if (old && ends && ends[0] === a && ends[1] === b && old.tone === tone && old.kind === l.kind && (l.kind !== 'lan' || mem.busY === busY)) d = old;
    else {
      d = { id: l.id, kind: l.kind, d: linkPath(l, a, b, busY), tone, source: l.source, target: l.target };
      linkEnds.set(d, [a, b]);
    }
    links.push(d);
    drawnLinks.set(l.id, d);
  }
  mem.links = drawnLinks;
  mem.busY = busY;
  // The segment's name sits over the middle of its bus, where no pill label is.
  const first = links[lanFirst];
  if (first) {
    const host0 = at.get(first.source);
    const text = host0?.sub ? lanName(host0.sub) : 'LAN';
    const x = (lanX0 + lanX1) / 2;
    const y = busY - 7;
    // The same captioned wire as last time when neither the wire nor its caption changed.
    const old = captioned.get(first);
    const c = old?.caption;
    if (old && c && c.x === x && c.y === y && c.text === text) links[lanFirst] = old;
    else {
      const next = { ...first, caption: { x, y, text } };
      captioned.set(first, next);
      links[lanFirst] = next;
    }
  }
  // Bounds from the frames and the objects outside any frame's box (NICs and badges straddle
  // edges, labels sit beside them): a tenth of the objects of a big lab.
  const b = union(boundsOf(out));
  return { nodes: out, links, bounds: { x: b.x - 40, y: b.y - 40, w: b.w + 80, h: b.h + 80 }, busY };
}

function boundsOf(out: readonly Drawn[]): Rect[] {
  const rs: Rect[] = [];
  for (const d of out) {
    if (d.shape === 'frame') rs.push({ x: d.x - 24, y: d.y - PILL_H, w: d.w + 48, h: d.h + PILL_H + 24 });
    else if (d.frame === d.id || d.kind === 'port' || d.frame === 'router' || d.frame === 'laptop') rs.push(d);
  }
  return rs;
}

/** 192.168.1.10/24 → 'LAN 192.168.1.0/24' (the segment, as a network engineer labels a wire). */
function lanName(cidr: string): string {
  const [ip = '', bits = '24'] = cidr.split('/');
  const n = ip.split('.').map(Number);
  const m = Number(bits);
  const v = (((n[0] ?? 0) << 24) | ((n[1] ?? 0) << 16) | ((n[2] ?? 0) << 8) | (n[3] ?? 0)) & (m === 0 ? 0 : ~0 << (32 - m));
  return `LAN ${[v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.')}/${m}`;
}

/** The wire drawn for a link between two placed objects (also used when a frame is dragged). */
export function linkPath(l: Pick<TopoLink, 'kind'>, a: Drawn, b: Drawn, busY: number): string {
  switch (l.kind) {
    case 'lan':
      return busWire(a, b, busY);
    case 'wan': {
      // The internet beside the router, or above and to the left of it in a narrow pane: then
      // out of the uplink's left end and up, clear of the public address printed above it.
      if (b.y + b.h >= a.y) return sideWire(a, b);
      const bx = Math.round(b.x + b.w / 2);
      return bx < a.x ? `M${a.x},${a.y + a.h / 2}H${bx}V${b.y + b.h}` : verticalWire(a, b);
    }
    case 'nat':
      return sideEntry(a, b);
    case 'bridge-port': {
      // Straight up from the port to its bridge bar, where it plugs in.
      const x = Math.round(a.x + a.w / 2);
      return a.y > b.y ? `M${x},${a.y}V${b.y + b.h}` : `M${x},${a.y + a.h}V${b.y}`;
    }
    case 'shared':
      return sideWire({ x: a.x + a.w - 8, y: a.y, w: 8, h: a.h }, { x: b.x + b.w - 8, y: b.y, w: 8, h: b.h }).replace(/C([\d.-]+)/, (_m, x: string) => `C${Number(x) + 24}`);
    default:
      return verticalWire(a, b);
  }
}

/** Internet, router and laptop in a row above the host, the router's LAN port over the host's NIC. */
function placeTopRow(ix: Index, eth0X: number, rowBottom: number, narrow: boolean, out: Drawn[]): void {
  const TOP_ROW_BOTTOM = rowBottom;
  const router = ix.byId.get('router');
  const routerW = 200;
  const routerH = 84;
  const rx = eth0X - 60;
  const ry = TOP_ROW_BOTTOM - routerH;
  if (router) {
    out.push({ id: router.id, kind: 'router', shape: 'frame', name: router.name, label: router.name, sub: 'home router · NAT', tone: null, frame: router.id, x: rx, y: ry, w: routerW, h: routerH });
    for (const i of ix.kids.get(router.id) ?? []) {
      const w = pillWidth(i.name);
      // The uplink on the top edge (its wire runs to the internet on the left), its public
      // address above it; the LAN port on the bottom edge, above the host's NIC.
      const wan = ix.wanNics.has(i.id);
      const y = wan ? ry - PILL_H / 2 : TOP_ROW_BOTTOM - PILL_H / 2;
      out.push({ ...pill(i, rx + (wan ? 140 : 60) - w / 2, y, w, router.id, i.details.ip), subAbove: true });
    }
  }
  const laptop = ix.byId.get('laptop');
  if (laptop && !laptop.parent) {
    const lx = rx + routerW + 70;
    const lw = 190;
    const lh = 78;
    out.push({ id: laptop.id, kind: 'machine', shape: 'frame', name: laptop.name, label: laptop.name, sub: 'a PC on the same LAN', tone: null, frame: laptop.id, x: lx, y: TOP_ROW_BOTTOM - lh, w: lw, h: lh });
    for (const i of ix.kids.get(laptop.id) ?? []) {
      const w = pillWidth(i.name);
      out.push({ ...pill(i, lx + 60 - w / 2, TOP_ROW_BOTTOM - PILL_H / 2, w, laptop.id, i.details.ip), subAbove: true });
    }
  }
  const net = ix.byId.get(INTERNET_ID);
  if (net) {
    const hosts = ix.kids.get(INTERNET_ID) ?? [];
    const iw = 280;
    const ih = 42 + hosts.length * 19;
    const ix0 = narrow ? rx - 80 : rx - 60 - iw;
    const iy = narrow ? ry - 60 - ih : TOP_ROW_BOTTOM - ih;
    out.push({ id: net.id, kind: 'internet', shape: 'frame', name: net.name, label: 'internet', tone: null, frame: net.id, x: ix0, y: iy, w: iw, h: ih });
    hosts.forEach((h, k) => {
      out.push({ id: h.id, kind: h.kind, shape: 'row', name: h.name, label: h.name, sub: (h.details.ip ?? '').replace(/\/32$/, ''), tone: null, frame: net.id, x: ix0 + 12, y: iy + 32 + k * 19, w: iw - 24, h: 17 });
    });
  }
}
