import { fail, goal, needRunning, notYet, OK, question } from '../goals';
import { HOST_NS, ipOn, running, tcp } from '../probe';
import type { Lesson } from '../types';

/** Seed §container模式: a second container joins the first one's namespace; they talk over lo. */
export const containerMode: Lesson = {
  id: 'container-mode',
  setup: ['docker run -d --name web nginx'],
  focus: [{ kind: 'netns' }, { kind: 'container', name: 'web' }],
  tasks: [
    goal(
      'share',
      (w) => {
        const web = needRunning(w, 'web', 'nginx');
        if (web.why) return fail(web);
        const side = needRunning(w, 'sidecar', 'alpine');
        if (side.why) return fail(side);
        if (side.c.netns === web.c.netns) return OK;
        if (side.c.netns === HOST_NS) return notYet('host-namespace');
        return notYet('own-namespace', { ip: ipOn(w, side.c) ?? '-' });
      },
      ['docker run -dit --name sidecar --network container:web alpine'],
      [{ kind: 'netns' }, { kind: 'container' }],
    ),
    question(
      'localhost',
      (w) => {
        const side = running(w, 'sidecar');
        // The page only counts if sidecar really reaches web's nginx on its own loopback.
        const reached = side?.netns && tcp(w, side.netns, '127.0.0.1', 80).answeredBy?.socket?.service.kind === 'http';
        return reached ? ['Welcome to nginx!', 'Welcome to nginx', '<title>Welcome to nginx!</title>'] : { id: 'cannot-ask' };
      },
      ['docker exec sidecar wget -qO- localhost'],
    ),
    question(
      'same-ip',
      (w) => {
        const web = running(w, 'web');
        const ip = web && ipOn(w, web);
        return ip ? [ip, `${ip}/16`] : { id: 'cannot-ask' };
      },
      ['docker exec sidecar ip addr', 'docker inspect -f "{{.NetworkSettings.IPAddress}}" web'],
      { wrong: (_w, given) => (given.startsWith('127.') ? { id: 'loopback' } : undefined) },
    ),
  ],
};
