import { choice, fail, goal, needRunning, notYet, OK } from '../goals';
import { resolveIn, whoAnswers } from '../probe';
import type { Lesson } from '../types';

/**
 * Troubleshooting: `client` cannot reach `api` by name. The fault: they are on different
 * networks (client on the default bridge, which has no DNS for names; api on `backend`).
 */
export const troubleUnreachable: Lesson = {
  id: 'trouble-unreachable',
  setup: ['docker network create backend', 'docker run -d --name api --network backend nginx', 'docker run -dit --name client alpine'],
  hideSetup: true,
  focus: [{ kind: 'container', name: 'client' }, { kind: 'container', name: 'api' }, { kind: 'network' }],
  tasks: [
    goal(
      'fix',
      (w) => {
        const api = needRunning(w, 'api', 'nginx');
        if (api.why) return fail(api);
        const client = needRunning(w, 'client', 'alpine');
        if (client.why) return fail(client);
        const ip = resolveIn(w, client.c, 'api').addresses[0];
        if (!ip || !client.c.netns) return notYet('no-name');
        const a = whoAnswers(w, client.c.netns, ip, 80);
        if (a.delivered && a.by?.id === api.c.id) return OK;
        return notYet('no-answer', { ip });
      },
      ['docker network connect backend client', 'docker exec client wget -qO- api'],
      [{ kind: 'container', name: 'client' }, { kind: 'network', name: 'backend' }],
    ),
    choice('cause', ['different-networks', 'nginx-down', 'not-published'], 'different-networks', ['docker network inspect backend', 'docker inspect client']),
  ],
};
