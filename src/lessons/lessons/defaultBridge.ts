import { choice, goal, onDefaultBridge, question } from '../goals';
import { ipOn, networkByName, ping, running } from '../probe';
import type { Lesson } from '../types';

/** Seed §实现原理: docker0, addresses from its subnet, the bridge as gateway, talking by IP, no way in from outside. */

export const defaultBridge: Lesson = {
  id: 'default-bridge',
  setup: [],
  focus: [{ kind: 'bridge', name: 'docker0' }],
  tasks: [
    goal(
      'two-containers',
      (w) => {
        const a = onDefaultBridge(w, 'alpine1');
        return a.ok ? onDefaultBridge(w, 'alpine2') : a;
      },
      ['docker run -dit --name alpine1 alpine', 'docker run -dit --name alpine2 alpine'],
      [{ kind: 'bridge', name: 'docker0' }, { kind: 'container' }],
    ),
    question(
      'gateway',
      (w) => {
        const gw = networkByName(w, 'bridge')?.ipam[0]?.gateway;
        return gw ? [gw] : { id: 'cannot-ask' };
      },
      ['docker exec alpine1 ip route', 'ip addr show docker0'],
      { wrong: (w, given) => (given === w.host.routerIp ? { id: 'lan-router' } : undefined), focus: [{ kind: 'bridge', name: 'docker0' }] },
    ),
    question(
      'ping-by-ip',
      (w) => {
        const a = running(w, 'alpine1');
        const b = running(w, 'alpine2');
        const ip = b && ipOn(w, b, 'bridge');
        if (!a?.netns || !ip) return { id: 'cannot-ask' };
        // Only an address alpine1 really reaches counts: the lesson is that they talk directly.
        return ping(w, a.netns, ip).delivered ? [ip] : { id: 'cannot-ask' };
      },
      ['docker inspect -f "{{.NetworkSettings.IPAddress}}" alpine2', 'docker exec alpine1 ping -c 2 172.17.0.3'],
      {
        wrong: (w, given) => {
          const a = running(w, 'alpine1');
          if (a && given === ipOn(w, a)) return { id: 'own-ip' };
          if (given.startsWith('172.17.0.1')) return { id: 'gateway-ip' };
          return undefined;
        },
      },
    ),
    choice(
      'outside',
      ['virtual-bridge', 'container-down', 'no-ping'],
      'virtual-bridge',
      ['ssh laptop', 'ping -c 2 172.17.0.2', 'ip route', 'exit'],
      [{ kind: 'machine', name: 'laptop' }, { kind: 'bridge', name: 'docker0' }],
    ),
  ],
};
