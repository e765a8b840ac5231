import { choice, fail, goal, needRunning, notYet } from '../goals';
import { container } from '../probe';
import type { Lesson } from '../types';
import { whyNotPublished } from './portMapping';

/**
 * Troubleshooting: `shop` should serve port 8080 but never started, because an old container
 * already holds host port 8080 ("port is already allocated").
 */
export const troublePort: Lesson = {
  id: 'trouble-port',
  setup: ['docker run -d --name old-site -p 8080:80 nginx', 'docker run -d --name shop -p 8080:80 nginx'],
  hideSetup: true,
  focus: [{ kind: 'port' }, { kind: 'container', name: 'shop' }],
  tasks: [
    goal(
      'fix',
      (w) => {
        const shop = container(w, 'shop');
        if (shop && shop.state !== 'running') return notYet('shop-stopped');
        const r = needRunning(w, 'shop', 'nginx');
        return r.why ? fail(r) : whyNotPublished(w, r.c, 8080);
      },
      ['docker ps -a', 'docker start shop', 'docker rm -f old-site', 'docker start shop'],
      [{ kind: 'port' }, { kind: 'container', name: 'shop' }],
    ),
    choice('cause', ['port-taken', 'nginx-broken', 'firewall'], 'port-taken', ['docker start shop', 'docker ps -a']),
  ],
};
