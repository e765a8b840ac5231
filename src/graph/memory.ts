/**
 * What the graph remembers between updates, keyed by engine ids: which grid slot each
 * container's frame holds (so adding one never moves the others, and a container keeps its
 * place across restarts, when its sandbox gets a new id) and where the student dragged frames.
 */
export class LayoutMemory {
  private readonly slots = new Map<string, number>();
  private readonly taken = new Set<number>();
  readonly moved = new Map<string, { dx: number; dy: number }>();

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
