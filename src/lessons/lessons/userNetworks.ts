import type { World } from '../../engine/world';
import { choice, fail, goal, needRunning, notYet, OK, question } from '../goals';
import { endpoints, networkByName, networkName, ping, resolveIn } from '../probe';
import type { CheckResult, Lesson } from '../types';

/** Beyond the seed: user-defined bridge networks, Docker's embedded DNS, isolation between bridges. */

function byName(w: World): CheckResult {
  if (networkByName(w, 'mynet')?.driver !== 'bridge') return notYet('no-mynet');
  const a = needRunning(w, 'c1', 'alpine');
  if (a.why) return fail(a);
  const b = needRunning(w, 'c2', 'alpine');
  if (b.why) return fail(b);
  for (const c of [a.c, b.c]) {
    if (!endpoints(w, c).some((e) => networkName(w, e) === 'mynet')) return notYet('not-on-mynet', { name: c.name });
  }
  const found = resolveIn(w, a.c, 'c2');
  const target = found.addresses[0];
  if (!target || !a.c.netns) return notYet('no-name');
  return ping(w, a.c.netns, target).delivered ? OK : notYet('no-answer');
}

export const userNetworks: Lesson = {
  id: 'user-networks',
  setup: [],
  focus: [{ kind: 'network' }, { kind: 'bridge' }],
  tasks: [
    goal(
      'mynet',
      (w) => (networkByName(w, 'mynet')?.driver === 'bridge' ? OK : notYet('no-mynet')),
      ['docker network create mynet'],
      [{ kind: 'network', name: 'mynet' }],
    ),
    goal('by-name', byName, ['docker run -dit --name c1 --network mynet alpine', 'docker run -dit --name c2 --network mynet alpine', 'docker exec c1 ping -c 2 c2'], [{ kind: 'network', name: 'mynet' }]),
    question('resolver', () => ['127.0.0.11', 'nameserver 127.0.0.11'], ['docker exec c1 cat /etc/resolv.conf'], {
      wrong: (w, given) => (given === w.host.dnsServer ? { id: 'host-dns' } : undefined),
    }),
    choice('isolation', ['isolated', 'ip-works', 'both-work'], 'isolated', ['docker run -dit --name alpine3 alpine', 'docker exec alpine3 ping -c 1 c2', 'docker exec alpine3 ping -c 1 172.18.0.3']),
  ],
};
