import type { TopoNode, Topology } from '../engine/topology';
import { type Drawn, PILL_H, pillWidth, sansWidth } from './geometry';
import { card, pill, type Index } from './shapes';
import type { LayoutMemory, UnitMemo } from './memory';

/** The host's namespace frame and the grid of container namespaces under it. */

const COL_GAP = 28;
const ROW_GAP = 84;
const ETH_PITCH = 128;
const MIN_CW = 224;
const STRIP = 32;
const BAR_H = 30;
const BAR_PITCH = 58;
const ROW_A = 52;
const BARS_TOP = 108;
const MIN_HOST_W = 600;
const CARD_PITCH = 48;

export interface Unit {
  readonly node: TopoNode;
  readonly key: string;
  readonly kids: readonly TopoNode[];
  readonly eths: TopoNode[];
  readonly lo: TopoNode[];
  readonly cards: TopoNode[];
  readonly w: number;
  readonly h: number;
  slot: number;
}

function unitOf(n: TopoNode, ix: Index): Unit {
  if (n.kind === 'container') {
    const c = card(n, 0, 0, MIN_CW - 24, n.id);
    return { node: n, key: n.id, kids: EMPTY, eths: [], lo: [], cards: [n], w: Math.max(MIN_CW, c.w + 24), h: 100, slot: 0 };
  }
  const kids = ix.kids.get(n.id) ?? [];
  const cards: TopoNode[] = [];
  const lo: TopoNode[] = [];
  const eths: TopoNode[] = [];
  let widest = 0;
  for (const k of kids) {
    if (k.kind === 'container') {
      cards.push(k);
      widest = Math.max(widest, card(k, 0, 0, 0, n.id).w);
    } else if (k.kind === 'interface' && k.name === 'lo') lo.push(k);
    else eths.push(k);
  }
  const w = Math.max(MIN_CW, eths.length * ETH_PITCH + 20, widest + 24);
  return { node: n, key: n.details.owner ?? n.id, kids, eths, lo, cards, w, h: 104 + cards.length * CARD_PITCH, slot: 0 };
}

const EMPTY: readonly TopoNode[] = [];
const sameNodes = (a: readonly TopoNode[], b: readonly TopoNode[]) => a.length === b.length && a.every((n, i) => n === b[i]);

/** Draws one container frame (or a stopped container's card) at (x, y), or re-uses last update's drawing. */
function drawUnit(u: Unit, x: number, y: number, ix: Index, mem: LayoutMemory, units: Map<string, UnitMemo>): UnitMemo {
  // The bridge colours of the frame's NICs, as one value (no allocation for the usual single NIC).
  const tones = u.eths.length === 1 ? (ix.tone.get(u.eths[0]?.id ?? '') ?? -1) : u.eths.map((e) => ix.tone.get(e.id) ?? '').join(',');
  const memo = mem.units.get(u.key);
  if (memo && memo.node === u.node && memo.x === x && memo.y === y && memo.w === u.w && memo.tones === tones && sameNodes(memo.kids, u.kids)) {
    units.set(u.key, memo);
    return memo;
  }
  const n = u.node;
  const drawn: Drawn[] = [];
  const eths: [string, number][] = [];
  if (n.kind === 'container') {
    drawn.push(card(n, x + 12, y + 44, u.w - 24, n.id));
  } else {
    drawn.push({ id: n.id, kind: 'netns', shape: 'frame', name: n.name, label: n.label, sub: undefined, subAbove: undefined, tone: null, state: undefined, frame: n.id, x, y, w: u.w, h: u.h });
    u.eths.forEach((e, k) => {
      const cx = x + u.w / 2 + (k - (u.eths.length - 1) / 2) * ETH_PITCH;
      const w = pillWidth(e.name);
      drawn.push(pill(e, cx - w / 2, y - PILL_H / 2, w, n.id, e.details.ip, ix.tone.get(e.id) ?? null));
      eths.push([e.id, cx]);
    });
    u.cards.forEach((k, i) => drawn.push(card(k, x + 12, y + 42 + i * CARD_PITCH, u.w - 24, n.id)));
    for (const l of u.lo) {
      const p = pill(l, x + 12, y + 48 + u.cards.length * CARD_PITCH, 0, n.id);
      const label = l.details.ip ? `lo ${l.details.ip}` : 'lo';
      drawn.push({ ...p, label, w: pillWidth(label) });
    }
  }
  const fresh: UnitMemo = { node: n, kids: u.kids, tones, x, y, w: u.w, drawn, eths };
  units.set(u.key, fresh);
  return fresh;
}

/**
 * How many columns of container frames: the number that makes the whole picture largest in the
 * pane it is shown in (a wide pane gets a row of four, a tall one two columns), so labels stay
 * readable. Big labs get a grid of the pane's proportions. Estimates, from the constants above.
 */
export function columns(units: number, bridges: number, view: { readonly w: number; readonly h: number } | null): number {
  const aspect = view && view.w > 10 && view.h > 10 ? view.w / view.h : 1.3;
  const colPitch = MIN_CW + COL_GAP;
  const rowPitch = 150 + ROW_GAP + STRIP;
  // Sized for the next power of two: the grid keeps its columns while a big lab grows (a change
  // of columns moves every frame), and changes them only when the lab doubles.
  if (units > 16) {
    const basis = 2 ** Math.ceil(Math.log2(units));
    return Math.max(4, Math.round(Math.sqrt((basis * aspect * rowPitch) / colPitch)));
  }
  if (!view) return 4;
  const hostH = BARS_TOP + Math.max(bridges, 1) * BAR_PITCH;
  let best = 4;
  let bestScale = 0;
  for (let c = 4; c >= 1; c--) {
    const rows = Math.ceil(Math.max(units, 1) / c);
    // The LAN row above the host is ~740 wide and ~200 tall whatever the grid.
    const w = Math.max(740, 40 + Math.min(c, Math.max(units, 1)) * colPitch) + 80;
    const h = 200 + hostH + (rows - 1) * STRIP + rows * (150 + ROW_GAP) + 80;
    const scale = Math.min(view.w / w, view.h / h);
    if (scale > bestScale * 1.02) {
      best = c;
      bestScale = scale;
    }
  }
  return best;
}

export function placeHostAndGrid(host: TopoNode, ix: Index, topo: Topology, mem: LayoutMemory, out: Drawn[]): { eth0X: number; hostTop: number } {
  const bridges: TopoNode[] = [];
  const hostVeths: TopoNode[] = [];
  const nics: TopoNode[] = [];
  const lo: TopoNode[] = [];
  const otherIfaces: TopoNode[] = [];
  const hostCards: TopoNode[] = [];
  const hostNets: TopoNode[] = [];
  const ports: TopoNode[] = [];
  // One pass: with a thousand containers the host holds a thousand veth ends.
  for (const k of ix.kids.get(host.id) ?? []) {
    if (k.kind === 'veth') hostVeths.push(k);
    else if (k.kind === 'bridge') bridges.push(k);
    else if (k.kind === 'interface') (ix.lanNics.has(k.id) ? nics : k.name === 'lo' ? lo : otherIfaces).push(k);
    else if (k.kind === 'container') hostCards.push(k);
    else if (k.kind === 'network') hostNets.push(k);
    else if (k.kind === 'port') ports.push(k);
  }

  // Container namespaces (and containers with none, stopped) in remembered slots, oldest first.
  const units: Unit[] = [];
  // A unit whose node and contents are the objects of last time is last time's unit.
  const unitMemo = new Map<string, Unit>();
  for (const n of topo.nodes) {
    if (n.kind !== 'netns' && !(n.kind === 'container' && !n.parent)) continue;
    const old = mem.unitsIn.get(n.id);
    const kids = ix.kids.get(n.id) ?? [];
    const u = old && old.node === n && sameNodes(old.kids, kids) ? old : unitOf(n, ix);
    unitMemo.set(n.id, u);
    units.push(u);
  }
  mem.unitsIn = unitMemo;
  units.sort((a, b) => (a.node.details.seq ?? 0) - (b.node.details.seq ?? 0));
  const slots = mem.assign(units.map((u) => u.key));
  let maxSlot = -1;
  for (const u of units) {
    u.slot = slots.get(u.key) ?? 0;
    maxSlot = Math.max(maxSlot, u.slot);
  }
  const cols = columns(maxSlot + 1, bridges.length, mem.view);
  const rows = Math.floor(maxSlot / cols) + 1;
  mem.cols = cols;
  const colW = new Array<number>(cols).fill(MIN_CW);
  const rowH = new Array<number>(Math.max(rows, 1)).fill(100);
  let usedCols = 0;
  for (const u of units) {
    const c = u.slot % cols;
    const r = Math.floor(u.slot / cols);
    colW[c] = Math.max(colW[c] ?? 0, u.w);
    rowH[r] = Math.max(rowH[r] ?? 0, u.h);
    usedCols = Math.max(usedCols, c + 1);
  }
  const colX: number[] = [];
  let acc = 20;
  for (let c = 0; c < cols; c++) {
    colX.push(acc);
    acc += (colW[c] ?? MIN_CW) + COL_GAP;
  }
  const gridW = usedCols ? (colX[usedCols - 1] ?? 0) + (colW[usedCols - 1] ?? 0) + 20 : 0;

  // The picture is anchored at the top of the container grid (y = 0) and the host frame grows
  // upwards: a new network's bridge bar, or a new grid row's strip of veth ends, moves the few
  // things above it (the host's top edge, the LAN) and none of the container frames below, which
  // with a thousand containers is the difference between a glide and a stall.
  const hostBottom = -ROW_GAP;
  const stripsTop = hostBottom - (rows - 1) * STRIP;
  const barsBottom = stripsTop - 34;
  const nBars = Math.max(bridges.length, 1);
  const rowAY = barsBottom - BAR_H - (nBars - 1) * BAR_PITCH - (BARS_TOP - ROW_A);
  const hostTop = rowAY - ROW_A;
  const hostH = hostBottom - hostTop;

  // Host frame: title, row A (lo, host-mode containers, other NICs, host/none networks), bridge bars, veth strips.
  const hostOut: Drawn[] = [];
  let ax = 16;
  for (const l of lo) {
    const label = l.details.ip ? `lo ${l.details.ip}` : 'lo';
    const w = pillWidth(label);
    hostOut.push({ ...pill(l, ax, rowAY + 9, w, host.id), label });
    ax += w + 16;
  }
  for (const i of otherIfaces) {
    const w = pillWidth(i.name);
    hostOut.push(pill(i, ax, rowAY + 9, w, host.id, i.details.ip));
    ax += w + 16;
  }
  for (const c of hostCards) {
    const d = card(c, ax, rowAY, 180, host.id);
    hostOut.push(d);
    ax += d.w + 14;
  }
  let netW = 0;
  for (const n of hostNets) netW += chipWidth(n) + 10;
  const eth0X = Math.max(250, 170 + (nics[0] ? pillWidth(nics[0].name) / 2 : 0));
  let portsRight = eth0X + 60;
  for (const p of ports) portsRight += pillWidth(p.label) + 10;
  const hostW = Math.max(MIN_HOST_W, gridW, ax + netW + 16, portsRight + 16);
  let nx = hostW - 16 - netW + 10;
  for (const n of hostNets) {
    hostOut.push(chip(n, nx, rowAY + 9, host.id));
    nx += chipWidth(n) + 10;
  }
  nics.forEach((nic, k) => {
    const w = pillWidth(nic.name);
    hostOut.push(pill(nic, eth0X + k * 160 - w / 2, hostTop - PILL_H / 2, w, host.id, nic.details.ip));
  });
  let px = eth0X + 60;
  for (const p of ports) {
    const w = pillWidth(p.label);
    hostOut.push({ id: p.id, kind: 'port', shape: 'badge', name: p.name, label: p.label, tone: null, frame: host.id, x: px, y: hostTop - PILL_H / 2, w, h: PILL_H });
    px += w + 10;
  }
  // Bars from the bottom up in creation order: docker0 nearest the containers, new networks above.
  bridges.forEach((b, k) => {
    const y = barsBottom - BAR_H - k * BAR_PITCH;
    const tone = ix.tone.get(b.id) ?? 0;
    hostOut.push({ id: b.id, kind: 'bridge', shape: 'bar', name: b.name, label: b.name, ...(b.details.ip ? { sub: b.details.ip } : {}), tone, frame: host.id, x: 16, y, w: hostW - 32, h: BAR_H });
    let cx = hostW - 16 - 6;
    for (const n of ix.kids.get(b.id) ?? []) {
      if (n.kind !== 'network') continue;
      cx -= chipWidth(n);
      hostOut.push({ ...chip(n, cx, y + 4, host.id), tone });
      cx -= 8;
    }
  });

  // Container frames in their slots; their NICs on the top edge, lo and the cards inside.
  const rowY: number[] = [];
  let ay = 0;
  for (let r = 0; r < rows; r++) {
    rowY.push(ay);
    ay += (rowH[r] ?? 100) + ROW_GAP;
  }
  const ethAt = new Map<string, { x: number; row: number }>();
  const units2 = new Map<string, UnitMemo>();
  for (const u of units) {
    const c = u.slot % cols;
    const r = Math.floor(u.slot / cols);
    const m = drawUnit(u, colX[c] ?? 0, rowY[r] ?? 0, ix, mem, units2);
    for (const d of m.drawn) out.push(d);
    for (const [id, x] of m.eths) ethAt.set(id, { x, row: r });
  }
  mem.units = units2;

  // Host ends of veth pairs: above their peers, one strip per grid row so pills never overlap.
  let spare = 20;
  const pills = new Map<string, Drawn>();
  for (const v of hostVeths) {
    const w = pillWidth(v.name);
    const peer = v.details.peer ? ethAt.get(v.details.peer) : undefined;
    const tone = ix.tone.get(v.id) ?? null;
    const x = peer ? peer.x - w / 2 : spare;
    const y = hostBottom - PILL_H / 2 - (peer ? peer.row * STRIP : 0);
    if (!peer) spare += w + 10;
    const old = mem.pills.get(v.id);
    const d = old && old.x === x && old.y === y && old.tone === tone && old.name === v.name && old.state === v.details.state ? old : pill(v, x, y, w, host.id, undefined, tone);
    pills.set(v.id, d);
    hostOut.push(d);
  }
  mem.pills = pills;
  out.push(mem.intern({ id: host.id, kind: 'host', shape: 'frame', name: host.name, label: host.name, sub: 'host network namespace', tone: null, frame: host.id, x: 0, y: hostTop, w: hostW, h: hostH }));
  // The veth pills are re-used above already; the rest of the host frame is a handful of objects.
  for (const d of hostOut) out.push(d.kind === 'veth' ? d : mem.intern(d));
  return { eth0X, hostTop };
}

function chipWidth(n: TopoNode): number {
  return sansWidth(`network ${n.name}`, 12) + 22;
}

function chip(n: TopoNode, x: number, y: number, frame: string): Drawn {
  return { id: n.id, kind: 'network', shape: 'chip', name: n.name, label: n.name, sub: n.details.driver ?? '', tone: null, frame, x, y, w: chipWidth(n), h: PILL_H };
}
