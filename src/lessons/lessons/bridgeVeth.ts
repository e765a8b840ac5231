import type { Container } from '../../engine/docker/types';
import type { World } from '../../engine/world';
import { goal, onDefaultBridge, question } from '../goals';
import { endpoints, iface, running } from '../probe';
import type { Lesson, Why } from '../types';

/** Seed §bridge模式: the veth pair, one end eth0 in the container, the other on docker0 (`brctl show`). */

/** alpine1's eth0 and the host end of its pair. */
function pair(w: World, c: Container | undefined) {
  const ep = c ? endpoints(w, c).find((e) => e.hostVeth && e.containerIface) : undefined;
  return { inside: iface(w, ep?.containerIface), host: iface(w, ep?.hostVeth) };
}

const CANNOT: Why = { id: 'cannot-ask' };

export const bridgeVeth: Lesson = {
  id: 'bridge-veth',
  setup: [],
  focus: [{ kind: 'veth' }, { kind: 'bridge', name: 'docker0' }],
  tasks: [
    goal('alpine1', (w) => onDefaultBridge(w, 'alpine1'), ['docker run -dit --name alpine1 alpine'], [{ kind: 'container', name: 'alpine1' }]),
    question(
      'ifindex',
      (w) => {
        const { host } = pair(w, running(w, 'alpine1'));
        return host ? [String(host.ifindex), `if${host.ifindex}`, `@if${host.ifindex}`] : CANNOT;
      },
      ['docker exec alpine1 ip addr'],
      {
        wrong: (w, given) => {
          const { inside } = pair(w, running(w, 'alpine1'));
          return inside && given.replace(/\D/g, '') === String(inside.ifindex) ? { id: 'own-index' } : undefined;
        },
        focus: [{ kind: 'veth' }],
      },
    ),
    question(
      'peer',
      (w) => {
        const { host, inside } = pair(w, running(w, 'alpine1'));
        return host && inside ? [host.name, `${host.name}@if${inside.ifindex}`] : CANNOT;
      },
      ['ip addr', 'brctl show'],
      {
        wrong: (_w, given) => (given === 'docker0' ? { id: 'bridge-not-veth' } : given.startsWith('eth0') ? { id: 'container-side' } : undefined),
        focus: [{ kind: 'veth' }, { kind: 'bridge', name: 'docker0' }],
      },
    ),
    goal('alpine2', (w) => onDefaultBridge(w, 'alpine2'), ['docker run -dit --name alpine2 alpine']),
    question(
      'brctl-count',
      (w) => {
        const docker0 = [...w.ifaces.values()].find((i) => i.kind === 'bridge' && i.name === 'docker0');
        const ports = docker0 ? [...w.ifaces.values()].filter((i) => i.master === docker0.id).length : 0;
        return ports ? [String(ports)] : CANNOT;
      },
      ['brctl show'],
      { focus: [{ kind: 'bridge', name: 'docker0' }, { kind: 'veth' }] },
    ),
  ],
};
