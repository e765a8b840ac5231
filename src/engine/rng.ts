import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

/**
 * The seeded generator behind every id, MAC, veth name and random port. Its state is a plain
 * number array stored in the World, so the same seed and the same commands give the same
 * output byte for byte, and a saved session continues the same sequence after a reload.
 */
export type RngState = readonly number[];

export function seedRng(seed: number): RngState {
  // xoroshiro's first outputs from a small seed are low in entropy (ids like fffffffefefd…):
  // run it a while before the lab draws anything.
  const g = xoroshiro128plus(seed | 0);
  for (let i = 0; i < 64; i++) g.next();
  return g.getState();
}

/** A mutable cursor over the state, for use inside one operation. */
export class Rng {
  private readonly gen;
  constructor(state: RngState) {
    this.gen = xoroshiro128plusFromState(state);
  }
  state(): RngState {
    return this.gen.getState();
  }
  /** Unsigned 32-bit value. */
  u32(): number {
    return this.gen.next() >>> 0;
  }
  /** Integer in [0, n). */
  below(n: number): number {
    return this.u32() % n;
  }
  bytes(n: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(this.u32() & 0xff);
    return out;
  }
  /** `n` lowercase hex characters. */
  hex(n: number): string {
    let s = '';
    while (s.length < n) s += this.u32().toString(16).padStart(8, '0');
    return s.slice(0, n);
  }
}
