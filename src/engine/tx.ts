import type { EngineEvent } from './events';
import type { IfaceId, NetnsId } from './ids';
import type { Iface, Netns, Process } from './net/types';
import { Rng } from './rng';
import type { DockerState, World } from './world';

/**
 * One operation's working copy. Operations read and replace `tx.world` step by step (the World
 * itself stays immutable: each step builds a new top-level object whose persistent maps share
 * everything unchanged), draw randomness from `tx.rng`, and record what happened in `events`.
 * `commit()` folds the generator state back into the World.
 */
export class Tx {
  world: World;
  readonly rng: Rng;
  readonly events: EngineEvent[] = [];

  constructor(world: World) {
    this.world = world;
    this.rng = new Rng(world.rng);
  }

  commit(): { world: World; events: EngineEvent[] } {
    return { world: { ...this.world, rng: this.rng.state() }, events: this.events };
  }

  emit(e: EngineEvent): void {
    this.events.push(e);
  }

  nextSeq(): number {
    const seq = this.world.seq + 1;
    this.world = { ...this.world, seq };
    return seq;
  }

  iface(id: IfaceId): Iface {
    const i = this.world.ifaces.get(id);
    if (!i) throw new Error(`bug: no interface ${id}`);
    return i;
  }

  netns(id: NetnsId): Netns {
    const n = this.world.netns.get(id);
    if (!n) throw new Error(`bug: no netns ${id}`);
    return n;
  }

  putIface(i: Iface): void {
    this.world = { ...this.world, ifaces: this.world.ifaces.set(i.id, i) };
  }

  updateIface(id: IfaceId, f: (i: Iface) => Iface): void {
    this.putIface(f(this.iface(id)));
  }

  dropIface(id: IfaceId): void {
    this.world = { ...this.world, ifaces: this.world.ifaces.delete(id) };
  }

  putNetns(n: Netns): void {
    this.world = { ...this.world, netns: this.world.netns.set(n.id, n) };
  }

  updateNetns(id: NetnsId, f: (n: Netns) => Netns): void {
    this.putNetns(f(this.netns(id)));
  }

  dropNetns(id: NetnsId): void {
    this.world = { ...this.world, netns: this.world.netns.delete(id) };
  }

  updateDocker(f: (d: DockerState) => DockerState): void {
    this.world = { ...this.world, docker: f(this.world.docker) };
  }

  spawn(p: Omit<Process, 'pid'>): number {
    const pid = this.world.nextPid;
    this.world = {
      ...this.world,
      nextPid: pid + 1,
      processes: this.world.processes.set(pid, { ...p, pid }),
    };
    return pid;
  }

  kill(pid: number): void {
    this.world = { ...this.world, processes: this.world.processes.delete(pid) };
  }
}
