import type { TopoNode } from '../engine/topology';
import type { Drawn, DrawnLink } from './geometry';
import type { Unit } from './layoutHost';

/** A container frame as last drawn: reused when its node, its contents and its place are unchanged. */
export interface UnitMemo {
  readonly node: TopoNode;
  readonly kids: readonly TopoNode[];
  readonly tones: string | number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly drawn: readonly Drawn[];
  /** Centre x of each NIC on the frame's top edge, for the host ends of their veth pairs. */
  readonly eths: readonly (readonly [string, number])[];
}

/**
 * What the graph remembers between updates, keyed by engine ids: which grid slot each
 * container's frame holds (so adding one never moves the others, and a container keeps its
 * place across restarts, when its sandbox gets a new id), where the student dragged frames, and
 * the objects last drawn (an update of a 1,000-container lab re-uses the 999 frames it did not
 * change, and the renderer skips them by identity).
 */
export class LayoutMemory {
  private readonly slots = new Map<string, number>();
  private readonly taken = new Set<number>();
  readonly moved = new Map<string, { dx: number; dy: number }>();
  /** The size of the pane the picture is shown in (the grid takes its proportions). */
  view: { readonly w: number; readonly h: number } | null = null;
  /** Columns of the last layout, to know whether a new pane size changes the picture. */
  cols = 0;
  units = new Map<string, UnitMemo>();
  /** The units (frames with their contents) of the last layout, by node id. */
  unitsIn = new Map<string, Unit>();
  pills = new Map<string, Drawn>();
  links = new Map<string, DrawnLink>();
  busY = 0;

  /** Host-frame objects of the last layout (bars, chips, NICs, badges), re-used when unchanged. */
  private interned = new Map<string, Drawn>();
  private internedNext = new Map<string, Drawn>();

  /** Last layout's object for this id when it is drawn the same; else this one. */
  intern(d: Drawn): Drawn {
    const old = this.interned.get(d.id);
    const same =
      old &&
      old.x === d.x && old.y === d.y && old.w === d.w && old.h === d.h && old.label === d.label && old.sub === d.sub &&
      old.tone === d.tone && old.state === d.state && old.shape === d.shape && old.subAbove === d.subAbove && old.frame === d.frame && old.name === d.name;
    const out = same ? old : d;
    this.internedNext.set(d.id, out);
    return out;
  }

  /** Ends a layout: what was not interned this time is forgotten. */
  endLayout(): void {
    this.interned = this.internedNext;
    this.internedNext = new Map();
  }

  /** Frees the slots of keys no longer present, then gives new keys the lowest free slots, in order. */
  assign(keys: readonly string[]): Map<string, number> {
    const live = new Set(keys);
    for (const [k, s] of this.slots) {
      if (!live.has(k)) {
        this.slots.delete(k);
        this.taken.delete(s);
      }
    }
    let next = 0;
    for (const k of keys) {
      if (this.slots.has(k)) continue;
      while (this.taken.has(next)) next++;
      this.slots.set(k, next);
      this.taken.add(next);
    }
    return this.slots;
  }

  /** Forget slots and drags: the next layout packs everything in creation order. */
  tidy(): void {
    this.slots.clear();
    this.taken.clear();
    this.moved.clear();
  }

  move(frame: string, dx: number, dy: number): void {
    const m = this.moved.get(frame) ?? { dx: 0, dy: 0 };
    this.moved.set(frame, { dx: m.dx + dx, dy: m.dy + dy });
  }
}
