import { choice, fail, goal, needRunning, notYet, OK, question } from '../goals';
import { ifaceNames, ping } from '../probe';
import type { Lesson } from '../types';

/** Seed §none模式: a namespace of its own with nothing in it but lo. */
export const noneMode: Lesson = {
  id: 'none-mode',
  setup: [],
  focus: [{ kind: 'netns' }, { kind: 'interface', name: 'lo' }],
  tasks: [
    goal(
      'isolated',
      (w) => {
        const r = needRunning(w, 'isolated', 'alpine');
        if (r.why) return fail(r);
        if (r.c.networkMode !== 'none') return notYet('not-none', { mode: r.c.networkMode });
        const names = ifaceNames(w, r.c);
        // Behaviour too: nothing leaves the namespace.
        const out = r.c.netns ? ping(w, r.c.netns, '8.8.8.8') : undefined;
        return names.length === 1 && names[0] === 'lo' && out && !out.delivered ? OK : notYet('has-network', { ifaces: names.join(', ') });
      },
      ['docker run -dit --name isolated --network none alpine'],
      [{ kind: 'netns' }, { kind: 'container', name: 'isolated' }],
    ),
    question('interfaces', () => ['lo', 'only lo', 'lo only', '1: lo', '只有 lo', '只有lo'], ['docker exec isolated ip addr'], {
      wrong: (_w, given) => (given.includes('eth0') ? { id: 'no-eth0' } : undefined),
    }),
    choice('ping-out', ['no-route', 'dns', 'firewall'], 'no-route', ['docker exec isolated ping -c 1 8.8.8.8', 'docker exec isolated ip route']),
  ],
};
