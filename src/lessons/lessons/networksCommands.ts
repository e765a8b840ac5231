import { choice, goal, onDefaultBridge, question } from '../goals';
import { endpoints, networkByName, running } from '../probe';
import type { Lesson } from '../types';

/** Seed §默认网络 and §Docker网络命令: docker network ls / inspect, docker inspect, the --net values. */
export const networksCommands: Lesson = {
  id: 'networks-commands',
  setup: [],
  focus: [{ kind: 'network' }],
  tasks: [
    question('driver-none', () => ['null'], ['docker network ls'], {
      wrong: (_w, given) => (given === 'none' ? { id: 'name-not-driver' } : undefined),
      focus: [{ kind: 'network' }],
    }),
    question(
      'subnet',
      (w) => {
        const subnet = networkByName(w, 'bridge')?.ipam[0]?.subnet;
        return subnet ? [subnet] : { id: 'cannot-ask' };
      },
      ['docker network inspect bridge'],
      {
        wrong: (w, given) => (given.startsWith(networkByName(w, 'bridge')?.ipam[0]?.gateway ?? '-') ? { id: 'gateway-not-subnet' } : undefined),
        focus: [{ kind: 'network', name: 'bridge' }],
      },
    ),
    goal('web', (w) => onDefaultBridge(w, 'web'), ['docker run -d --name web nginx'], [{ kind: 'container', name: 'web' }]),
    question(
      'mac',
      (w) => {
        const c = running(w, 'web');
        const mac = c ? endpoints(w, c).find((e) => e.mac)?.mac : undefined;
        return mac ? [mac] : { id: 'cannot-ask' };
      },
      ['docker inspect web'],
    ),
    choice('modes', ['container', 'host', 'link'], 'container', ['docker run --help | grep network']),
  ],
};
