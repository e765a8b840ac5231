import { choice, fail, goal, needRunning, notYet, OK, question } from '../goals';
import { container, fromLaptop, HOST_NS, imageName } from '../probe';
import type { Lesson } from '../types';

/** Seed §host模式: no namespace of its own, the host's addresses and ports, and their conflicts. */
export const hostMode: Lesson = {
  id: 'host-mode',
  setup: [],
  focus: [{ kind: 'host' }, { kind: 'interface', name: 'eth0', parent: 'host' }],
  tasks: [
    goal(
      'host-nginx',
      (w) => {
        const r = needRunning(w, 'hostweb', 'nginx');
        if (r.why) return fail(r);
        if (r.c.netns !== HOST_NS) return notYet('not-host-mode', { name: 'hostweb', mode: r.c.networkMode });
        const a = fromLaptop(w, 80);
        // In host mode nginx's own socket on the host answers: no DNAT, no docker-proxy.
        return a.delivered && a.server === 'nginx' && a.by?.id === r.c.id ? OK : notYet('port-taken');
      },
      ['docker run -d --name hostweb --network host nginx'],
      [{ kind: 'container', name: 'hostweb' }, { kind: 'host' }],
    ),
    question(
      'address',
      (w) => [`${w.host.lanIp}:80`, w.host.lanIp, `http://${w.host.lanIp}`, `http://${w.host.lanIp}:80`, `http://${w.host.lanIp}/`],
      ['ssh laptop', 'curl -s 192.168.1.10:80 | head -4', 'exit'],
      { wrong: (_w, given) => (given.startsWith('172.17.') ? { id: 'no-container-ip' } : undefined) },
    ),
    goal(
      'conflict',
      (w) => {
        const c = container(w, 'hostweb2');
        if (!c) return notYet('missing', { name: 'hostweb2' });
        if (imageName(c) !== 'nginx') return notYet('wrong-image', { name: 'hostweb2', image: 'nginx', actual: imageName(c) });
        if (c.networkMode !== 'host') return notYet('not-host-mode', { name: 'hostweb2', mode: c.networkMode });
        if (c.state === 'running') return notYet('no-conflict');
        return c.state === 'exited' && c.exitCode !== 0 ? OK : notYet('not-started');
      },
      ['docker run -d --name hostweb2 --network host nginx', 'docker ps -a', 'docker logs hostweb2'],
    ),
    choice('why-exited', ['port-in-use', 'one-host-container', 'needs-publish'], 'port-in-use', ['docker logs hostweb2', 'ss -ltnp']),
  ],
};
