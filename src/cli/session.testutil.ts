import { createWorld } from '../engine/createWorld';
import type { World } from '../engine/world';
import { runLine } from './runLine';
import type { Shell } from './types';

/** A console session for tests: each line through runLine (3 simulated seconds per line). */
export class Session {
  w: World;
  sh: Shell = { at: 'host' };
  constructor(seed: number) {
    this.w = createWorld(seed);
  }
  run(line: string): { out: string; err: string; code: number } {
    const r = runLine(this.w, this.sh, line);
    this.w = r.world;
    this.sh = r.shell;
    return {
      out: r.out.filter((o) => o.stream === 'out').map((o) => o.text).join(''),
      err: r.out.filter((o) => o.stream === 'err').map((o) => o.text).join(''),
      code: r.exitCode,
    };
  }
  id(name: string): string {
    return this.w.docker.containerNames.get(name) ?? '';
  }
  net(name: string): string {
    return this.w.docker.networkNames.get(name) ?? '';
  }
}
