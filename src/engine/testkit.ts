import { createContainer, pullImage, type CreateSpec } from './docker/create';
import { startContainer } from './docker/lifecycle';
import type { ContainerId } from './ids';
import type { World } from './world';

/** Test helpers: drive the engine the way the CLI does, failing loudly on unexpected errors. */
export function spec(image: string, extra: Partial<CreateSpec> = {}): CreateSpec {
  return { image, cmd: [], env: [], network: '', aliases: [], links: [], publish: [], publishAll: false, expose: [], autoRemove: false, tty: false, openStdin: false, ...extra };
}

export function pulled(w: World, ...images: string[]): World {
  let world = w;
  for (const i of images) {
    const r = pullImage(world, i);
    if (!r.ok) throw new Error(`pull ${i}: ${r.error.code}`);
    world = r.value.world;
  }
  return world;
}

export function run(w: World, s: CreateSpec): { world: World; id: ContainerId } {
  const c = createContainer(pulled(w, s.image), s);
  if (!c.ok) throw new Error(`create: ${c.error.code} ${JSON.stringify(c.error.data)}`);
  const st = startContainer(c.value.world, c.value.id);
  if (!st.ok) throw new Error(`start: ${st.error.code} ${JSON.stringify(st.error.data)}`);
  return { world: st.value.world, id: c.value.id };
}
