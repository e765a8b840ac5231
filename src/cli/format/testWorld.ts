/**
 * A small lab shared by the tool formatters' tests, built with the engine's own operations:
 * nginx `web` publishing 8080→80 on the default bridge, an interactive alpine `a1` beside it,
 * alpine `a2` on a user-defined network `mynet`, and alpine `db` linked to web as `webserver`.
 */
import { createWorld } from '../../engine/createWorld';
import { createNetwork } from '../../engine/docker/networks';
import type { ContainerId } from '../../engine/ids';
import { run, spec } from '../../engine/testkit';
import type { World } from '../../engine/world';
import type { Shell } from '../types';

export interface Lab {
  readonly world: World;
  readonly web: ContainerId;
  readonly a1: ContainerId;
  readonly a2: ContainerId;
  readonly db: ContainerId;
}

export function buildLab(seed = 1): Lab {
  let w = createWorld(seed);
  const web = run(w, spec('nginx', { name: 'web', publish: [{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: '8080' }] }));
  w = web.world;
  const a1 = run(w, spec('alpine', { name: 'a1', tty: true, openStdin: true }));
  w = a1.world;
  const net = createNetwork(w, { name: 'mynet', driver: 'bridge', ipam: [], internal: false, attachable: false, options: {}, labels: {} });
  if (!net.ok) throw new Error(`network: ${net.error.code}`);
  w = net.value.world;
  const a2 = run(w, spec('alpine', { name: 'a2', tty: true, openStdin: true, network: 'mynet' }));
  w = a2.world;
  const db = run(w, spec('alpine', { name: 'db', tty: true, openStdin: true, links: ['web:webserver'] }));
  return { world: db.world, web: web.id, a1: a1.id, a2: a2.id, db: db.id };
}

export const HOST: Shell = { at: 'host' };

export function inside(id: ContainerId, shell = 'sh'): Shell {
  return { at: 'container', id, via: 'exec', shell };
}
