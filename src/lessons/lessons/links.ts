import { choice, fail, goal, needRunning, notYet, OK, question } from '../goals';
import { container, ipOn, resolveIn, running } from '../probe';
import type { Lesson } from '../types';

/** Seed §Docker网络命令 (--link and -e): a hosts entry and variables in the recipient only. */
export const links: Lesson = {
  id: 'links',
  setup: ['docker run -d --name db redis'],
  focus: [{ kind: 'container', name: 'db' }],
  tasks: [
    goal(
      'link',
      (w) => {
        const db = needRunning(w, 'db', 'redis');
        if (db.why) return fail(db);
        const dbIp = ipOn(w, db.c, 'bridge');
        const app = container(w, 'app');
        // The wrong direction: db was (re)created with a link to app.
        if (db.c.links.some((l) => l.target === app?.id)) return notYet('reversed');
        const r = needRunning(w, 'app', 'alpine');
        if (r.why) return fail(r);
        const found = resolveIn(w, r.c, 'db');
        if (!dbIp || !found.addresses.includes(dbIp)) return notYet('no-link');
        if (!r.c.env.includes('REDIS_HOST=db')) return notYet('no-env');
        return OK;
      },
      ['docker run -dit --name app --link db -e REDIS_HOST=db alpine'],
      [{ kind: 'container', name: 'db' }, { kind: 'container', name: 'app' }],
    ),
    question(
      'port-env',
      (w) => {
        const app = running(w, 'app');
        // ALIAS_PORT as links.go names it (alias upper-cased, '-' → '_'): with --link db:redis it is REDIS_PORT.
        const names = (app?.links ?? []).map((l) => `${l.alias.toUpperCase().replace(/-/g, '_')}_PORT=`);
        const vals = (app?.linkEnv ?? []).filter((e) => names.some((n) => e.startsWith(n))).map((e) => e.slice(e.indexOf('=') + 1));
        return vals.length ? vals : { id: 'cannot-ask' };
      },
      ['docker exec app env'],
      { wrong: (_w, given) => (/^\d+$/.test(given) ? { id: 'whole-value' } : undefined) },
    ),
    choice('one-way', ['one-way', 'both-ways', 'dns'], 'one-way', ['docker exec db cat /etc/hosts', 'docker exec app cat /etc/hosts']),
  ],
};
