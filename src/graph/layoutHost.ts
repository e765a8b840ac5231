import type { TopoNode, Topology } from '../engine/topology';
import { type Drawn, PILL_H, pillWidth, sansWidth } from './geometry';
import { card, pill, type Index } from './shapes';
import type { LayoutMemory, UnitMemo } from './memory';

/** The host's namespace frame and the grid of container namespaces under it. */

const COL_GAP = 28;
const ROW_GAP = 90;
const ETH_PITCH = 118;
const MIN_CW = 214;
const STRIP = 30;
const BAR_H = 28;
const BAR_PITCH = 56;
const ROW_A = 50;
const BARS_TOP = 104;
const MIN_HOST_W = 720;

interface Unit {
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
    return { node: n, key: n.id, kids: [], eths: [], lo: [], cards: [n], w: Math.max(MIN_CW, c.w + 24), h: 100, slot: 0 };
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
  return { node: n, key: n.details.owner ?? n.id, kids, eths, lo, cards, w, h: 100 + cards.length * 46, slot: 0 };
}

const sameNodes = (a: readonly TopoNode[], b: readonly TopoNode[]) => a.length === b.length && a.every((n, i) => n === b[i]);

/** Draws one container frame (or a stopped container's card) at (x, y), or re-uses last update's drawing. */
function drawUnit(u: Unit, x: number, y: number, ix: Index, mem: LayoutMemory, units: Map<string, UnitMemo>): UnitMemo {
  const tones = u.eths.map((e) => ix.tone.get(e.id) ?? '').join(',');
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
    u.cards.forEach((k, i) => drawn.push(card(k, x + 12, y + 42 + i * 46, u.w - 24, n.id)));
    for (const l of u.lo) {
      const p = pill(l, x + 12, y + 46 + u.cards.length * 46, 0, n.id);
      const label = l.details.ip ? `lo ${l.details.ip}` : 'lo';
      drawn.push({ ...p, label, w: pillWidth(label) });
    }
  }
  const fresh: UnitMemo = { node: n, kids: u.kids, tones, x, y, w: u.w, drawn, eths };
  units.set(u.key, fresh);
  return fresh;
}

export function placeHostAndGrid(host: TopoNode, ix: Index, topo: Topology, mem: LayoutMemory, out: Drawn[]): { eth0X: number } {
  const hostKids = ix.kids.get(host.id) ?? [];
  const bridges = hostKids.filter((k) => k.kind === 'bridge');
  const hostVeths = hostKids.filter((k) => k.kind === 'veth');
  const nics = hostKids.filter((k) => k.kind === 'interface' && ix.lanNics.has(k.id));
  const lo = hostKids.filter((k) => k.kind === 'interface' && k.name === 'lo');
  const otherIfaces = hostKids.filter((k) => k.kind === 'interface' && !nics.includes(k) && !lo.includes(k));
  const hostCards = hostKids.filter((k) => k.kind === 'container');
  const hostNets = hostKids.filter((k) => k.kind === 'network');
  const ports = hostKids.filter((k) => k.kind === 'port');

  // Container namespaces (and containers with none, stopped) in remembered slots, oldest first.
  const units: Unit[] = [];
  for (const n of topo.nodes) if (n.kind === 'netns' || (n.kind === 'container' && !n.parent)) units.push(unitOf(n, ix));
  units.sort((a, b) => (a.node.details.seq ?? 0) - (b.node.details.seq ?? 0));
  const slots = mem.assign(units.map((u) => u.key));
  let maxSlot = -1;
  for (const u of units) {
    u.slot = slots.get(u.key) ?? 0;
    maxSlot = Math.max(maxSlot, u.slot);
  }
  // Four columns keep a lesson's few containers in one row and the picture about as tall as it
  // is wide (it shares the screen with the console); big labs grow a squarish grid.
  const cols = maxSlot < 16 ? 4 : Math.ceil(Math.sqrt((maxSlot + 1) * 1.5));
  const rows = Math.floor(maxSlot / cols) + 1;
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

  // Host frame: title, row A (lo, host-mode containers, other NICs, host/none networks), bridge bars, veth strips.
  const hostOut: Drawn[] = [];
  let ax = 16;
  for (const l of lo) {
    const label = l.details.ip ? `lo ${l.details.ip}` : 'lo';
    const w = pillWidth(label);
    hostOut.push({ ...pill(l, ax, ROW_A + 9, w, host.id), label });
    ax += w + 16;
  }
  for (const i of otherIfaces) {
    const w = pillWidth(i.name);
    hostOut.push(pill(i, ax, ROW_A + 9, w, host.id, i.details.ip));
    ax += w + 16;
  }
  for (const c of hostCards) {
    const d = card(c, ax, ROW_A, 180, host.id);
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
    hostOut.push(chip(n, nx, ROW_A + 9, host.id));
    nx += chipWidth(n) + 10;
  }
  nics.forEach((nic, k) => {
    const w = pillWidth(nic.name);
    hostOut.push(pill(nic, eth0X + k * 160 - w / 2, -PILL_H / 2, w, host.id, nic.details.ip));
  });
  let px = eth0X + 60;
  for (const p of ports) {
    const w = pillWidth(p.label);
    hostOut.push({ id: p.id, kind: 'port', shape: 'badge', name: p.name, label: p.label, tone: null, frame: host.id, x: px, y: -PILL_H / 2, w, h: PILL_H });
    px += w + 10;
  }
  bridges.forEach((b, k) => {
    const y = BARS_TOP + k * BAR_PITCH;
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
  const baseH = BARS_TOP + Math.max(bridges.length, 1) * BAR_PITCH + 6;
  const hostH = baseH + (rows - 1) * STRIP;
  const gridTop = hostH + ROW_GAP;

  // Container frames in their slots; their NICs on the top edge, lo and the cards inside.
  const rowY: number[] = [];
  let ay = gridTop;
  for (let r = 0; r < rows; r++) {
    rowY.push(ay);
    ay += (rowH[r] ?? 100) + ROW_GAP;
  }
  const ethAt = new Map<string, { x: number; row: number }>();
  const units2 = new Map<string, UnitMemo>();
  for (const u of units) {
    const c = u.slot % cols;
    const r = Math.floor(u.slot / cols);
    const m = drawUnit(u, colX[c] ?? 0, rowY[r] ?? gridTop, ix, mem, units2);
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
    const y = hostH - PILL_H / 2 - (peer ? peer.row * STRIP : 0);
    if (!peer) spare += w + 10;
    const old = mem.pills.get(v.id);
    const d = old && old.x === x && old.y === y && old.tone === tone && old.name === v.name && old.state === v.details.state ? old : pill(v, x, y, w, host.id, undefined, tone);
    pills.set(v.id, d);
    hostOut.push(d);
  }
  mem.pills = pills;
  out.push({ id: host.id, kind: 'host', shape: 'frame', name: host.name, label: host.name, sub: 'host network namespace', tone: null, frame: host.id, x: 0, y: 0, w: hostW, h: hostH });
  out.push(...hostOut);
  return { eth0X };
}

function chipWidth(n: TopoNode): number {
  return sansWidth(`network ${n.name}`, 11) + 18;
}

function chip(n: TopoNode, x: number, y: number, frame: string): Drawn {
  return { id: n.id, kind: 'network', shape: 'chip', name: n.name, label: n.name, sub: n.details.driver ?? '', tone: null, frame, x, y, w: chipWidth(n), h: PILL_H };
}
