import { describe, expect, it } from 'vitest';
import { createWorld } from '../createWorld';
import { pulled, spec } from '../testkit';
import { createContainer } from './create';

describe('capabilities at create (daemon validateCapabilities)', () => {
  it('refuses a name the kernel does not have, and records the known ones', () => {
    const w = pulled(createWorld(1), 'alpine');
    const bad = createContainer(w, spec('alpine', { name: 'c1', capAdd: ['CAP_NET_ADMIN', 'CAP_FOO'] }));
    expect(bad.ok ? null : bad.error).toEqual({ code: 'invalid-capability', data: { which: 'CapAdd', cap: 'CAP_FOO' } });
    const good = createContainer(w, spec('alpine', { name: 'c2', capAdd: ['CAP_NET_ADMIN'] }));
    expect(good.ok && good.value.world.docker.containers.get(good.value.id)?.capAdd).toEqual(['CAP_NET_ADMIN']);
    expect(createContainer(w, spec('alpine', { name: 'c3', capAdd: ['ALL'] })).ok).toBe(true);
  });
});
