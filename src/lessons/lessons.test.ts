import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLine } from '../cli/runLine';
import { hasWhyText } from '../i18n/lessonTexts';
import { runCheck } from './checker';
import { LESSONS, lessonById } from './index';
import { playStep, startState, type PlayState } from './scenario/play';
import { whyFor } from './session';

/**
 * Goals are checked by what the host does, so every correct way passes and plausible wrong ways
 * get the specific hint (which must exist in both languages). Each case starts the lesson on a
 * fresh host and types lines, exactly as a student would.
 */

/** A line to type, or [task, answer] to answer a question on the way. */
type Try = string | readonly [string, string];

function attempt(lesson: string, lines: readonly Try[]): PlayState {
  const s = startState(lesson);
  for (const l of lines) playStep(s, typeof l === 'string' ? { run: l } : { answer: { task: l[0], text: l[1] } }, () => '');
  return s;
}

function expectDone(lesson: string, task: string, lines: readonly Try[]) {
  const s = attempt(lesson, lines);
  expect(s.session?.progress.done, `${lesson}: ${lines.join(' ; ')} (${JSON.stringify(s.session?.feedback)})`).toContain(task);
}

function expectHint(lesson: string, task: string, lines: readonly Try[], hint: string) {
  const s = attempt(lesson, lines);
  expect(s.session?.progress.done, `${lesson}: ${lines.join(' ; ')}`).not.toContain(task);
  expect(s.session && whyFor(s.session, task), lines.join(' ; ')).toBe(hint);
  expect(hasWhyText('en', lesson, hint) && hasWhyText('zh-CN', lesson, hint), `words for ${hint}`).toBe(true);
}

describe('other correct ways pass', () => {
  it('default bridge: create then start, -itd, an explicit --network bridge', () => {
    expectDone('default-bridge', 'two-containers', ['docker create -it --name alpine1 alpine', 'docker start alpine1', 'docker run -itd --network bridge --name alpine2 alpine']);
  });
  it('port mapping: --publish with an address, /tcp, docker create then start', () => {
    expectDone('port-mapping', 'publish-8080', ['docker run -d --name web --publish 0.0.0.0:8080:80 nginx']);
    expectDone('port-mapping', 'publish-8080', ['docker run -d --name web -p 8080:80/tcp nginx']);
    expectDone('port-mapping', 'publish-8080', ['docker create --name web -p 8080:80 nginx', 'docker start web']);
    expectDone('port-mapping', 'publish-all', ['docker run -d --name web -p 8080:80 nginx', ['dnat', '172.17.0.2:80'], 'docker run -d --name web2 -p 80 nginx']);
  });
  it('host, container and none modes: the --net= spellings', () => {
    expectDone('host-mode', 'host-nginx', ['docker run -d --net=host --name hostweb nginx']);
    expectDone('container-mode', 'share', ['docker run -dit --name sidecar --net=container:web alpine']);
    expectDone('none-mode', 'isolated', ['docker run -dit --net=none --name isolated alpine']);
  });
  it('links: an alias still resolves the name', () => {
    expectDone('links', 'link', ['docker run -dit --name app --link db:redis --env REDIS_HOST=db alpine']);
  });
  it('user networks: connect a running container instead of recreating it', () => {
    expectDone('user-networks', 'by-name', ['docker network create mynet', 'docker run -dit --name c1 alpine', 'docker network connect mynet c1', 'docker run -dit --name c2 --network mynet alpine']);
  });
  it('troubleshooting: recreate client on backend; stop old-site instead of removing it', () => {
    expectDone('trouble-unreachable', 'fix', ['docker rm -f client', 'docker run -dit --name client --network backend alpine']);
    expectDone('trouble-port', 'fix', ['docker stop old-site', 'docker start shop']);
  });
  it('DOCKER-USER: Docker\'s own rules (any source but one, an address range), a user chain, --ctdir ORIGINAL, any REJECT', () => {
    const web = ['docker run -d --name web -p 8080:80 nginx', ['why-input', 'dnat-forward']] as const;
    expectDone('docker-user', 'restrict', [...web, 'iptables -I DOCKER-USER -i eth0 ! -s 192.168.1.1 -j DROP']);
    expectDone('docker-user', 'restrict', [...web, 'iptables -I DOCKER-USER -m iprange -i eth0 ! --src-range 192.168.1.1-192.168.1.1 -j DROP']);
    expectDone('docker-user', 'restrict', [...web, 'iptables -I DOCKER-USER ! -s 192.168.1.1 -p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j DROP']);
    expectDone('docker-user', 'restrict', [...web, 'iptables -N LAB', 'iptables -A LAB -s 192.168.1.20 -j DROP', 'iptables -I DOCKER-USER -i eth0 -j LAB']);
    expectDone('docker-user', 'reject', [...web, 'iptables -I DOCKER-USER -i eth0 ! -s 192.168.1.1 -p tcp -m conntrack --ctorigdstport 8080 -j REJECT']);
    expectDone('docker-user', 'reject', [...web, 'iptables -I DOCKER-USER -i eth0 -s 192.168.1.20 -j REJECT --reject-with icmp-host-prohibited']);
  });
});

describe('wrong but plausible attempts get a specific hint and do not pass', () => {
  it('default bridge: alpine without -dit exits; a user network is not docker0', () => {
    expectHint('default-bridge', 'two-containers', ['docker run --name alpine1 alpine'], 'exited-shell');
    expectHint('default-bridge', 'two-containers', ['docker network create n1', 'docker run -dit --name alpine1 --network n1 alpine'], 'not-default-bridge');
  });
  it('port mapping: wrong port on either side, loopback only, host mode, not published', () => {
    expectHint('port-mapping', 'publish-8080', ['docker run -d --name web -p 8080:8080 nginx'], 'wrong-container-port');
    expectHint('port-mapping', 'publish-8080', ['docker run -d --name web -p 80:80 nginx'], 'wrong-host-port');
    expectHint('port-mapping', 'publish-8080', ['docker run -d --name web -p 80:8080 nginx'], 'swapped');
    expectHint('port-mapping', 'publish-8080', ['docker run -d --name web -p 127.0.0.1:8080:80 nginx'], 'loopback-only');
    expectHint('port-mapping', 'publish-8080', ['docker run -d --name web --network host -p 8080:80 nginx'], 'host-mode');
    expectHint('port-mapping', 'publish-8080', ['docker run -d --name web nginx'], 'not-published');
    expectHint('port-mapping', 'publish-8080', ['docker run -d --name web -p 8080:80 redis'], 'wrong-image');
    expectHint('port-mapping', 'publish-all', ['docker run -d --name web -p 8080:80 nginx', ['dnat', 'to:172.17.0.2:80'], 'docker run -d --name web2 -p 8081:80 nginx'], 'fixed-port');
  });
  it('host mode: bridge instead of host; the second one started after the first stopped', () => {
    expectHint('host-mode', 'host-nginx', ['docker run -d --name hostweb nginx'], 'not-host-mode');
    expectHint('host-mode', 'conflict', ['docker run -d --name hostweb --net host nginx', ['address', '192.168.1.10'], 'docker stop hostweb', 'docker run -d --name hostweb2 --net host nginx'], 'no-conflict');
  });
  it('container mode: its own namespace, or the host\'s', () => {
    expectHint('container-mode', 'share', ['docker run -dit --name sidecar alpine'], 'own-namespace');
    expectHint('container-mode', 'share', ['docker run -dit --name sidecar --network host alpine'], 'host-namespace');
  });
  it('none mode: left on the default bridge', () => {
    expectHint('none-mode', 'isolated', ['docker run -dit --name isolated alpine'], 'not-none');
  });
  it('links: the wrong direction, no link, no variable', () => {
    expectHint('links', 'link', ['docker run -dit --name app alpine', 'docker rm -f db', 'docker run -d --name db --link app redis'], 'reversed');
    expectHint('links', 'link', ['docker run -dit --name app -e REDIS_HOST=db alpine'], 'no-link');
    expectHint('links', 'link', ['docker run -dit --name app --link db alpine'], 'no-env');
  });
  it('user networks: two containers left on the default bridge', () => {
    expectHint('user-networks', 'by-name', ['docker network create mynet', 'docker run -dit --name c1 alpine', 'docker run -dit --name c2 alpine'], 'not-on-mynet');
  });
  it('troubleshooting: api joined to the default bridge still has no name; old-site still holds 8080', () => {
    expectHint('trouble-unreachable', 'fix', ['docker network connect bridge api'], 'no-name');
    expectHint('trouble-port', 'fix', ['docker restart old-site'], 'shop-stopped');
    // old-site still answers on 8080: the hint names who does.
    expectHint('trouble-port', 'fix', ['docker rm -f shop', 'docker run -d --name shop -p 8081:80 nginx'], 'other-container');
  });
  it('DOCKER-USER: a rule that misses, only answers dropped, blocked before DOCKER-USER, the host cut off, the router kept out', () => {
    const web = ['docker run -d --name web -p 8080:80 nginx', ['why-input', 'dnat-forward']] as const;
    expectHint('docker-user', 'restrict', [...web, 'iptables -I DOCKER-USER -s 192.168.1.30 -j DROP'], 'rule-misses');
    expectHint('docker-user', 'restrict', [...web, 'iptables -I DOCKER-USER -d 192.168.1.20 -j DROP'], 'reply-only');
    expectHint('docker-user', 'restrict', [...web, 'iptables -I FORWARD -s 192.168.1.20 -j DROP'], 'blocked-elsewhere');
    expectHint('docker-user', 'restrict', [...web, 'iptables -t raw -I PREROUTING -s 192.168.1.20 -j DROP'], 'blocked-elsewhere');
    expectHint('docker-user', 'restrict', [...web, 'ip link set docker0 down'], 'laptop-cut-off');
    expectHint('docker-user', 'restrict', [...web, 'iptables -I DOCKER-USER -i eth0 -j DROP'], 'router-blocked');
    expectHint('docker-user', 'restrict', [...web, 'docker rm -f web'], 'web-gone');
    expectHint('docker-user', 'reject', [...web, 'iptables -I DOCKER-USER -i eth0 ! -s 192.168.1.1 -j DROP', 'iptables -I DOCKER-USER -i eth0 -s 192.168.1.30 -j REJECT'], 'still-timeout');
  });
});

describe('checks', () => {
  it('do not change the world the student sees (packet counters included)', () => {
    const s = attempt('port-mapping', ['docker run -d --name web -p 8080:80 nginx', 'docker run -d --name web2 -P nginx']);
    const before = runLine(s.world, s.shell, 'iptables -t nat -vnL').out;
    for (const l of LESSONS) for (const t of l.tasks) runCheck(t, s.world);
    expect(runLine(s.world, s.shell, 'iptables -t nat -vnL').out).toEqual(before);
  });

  it('a lesson whose tasks are done stays done, and every lesson id is unique', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    expect(lessonById('port-mapping')?.tasks.length).toBeGreaterThan(1);
  });

  it('src/lessons imports only the engine, the CLI and itself (no view, no store)', () => {
    const root = new URL('.', import.meta.url).pathname;
    const src = join(root, '..');
    const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : /\.ts$/.test(n) && !n.endsWith('.test.ts') ? [join(d, n)] : []));
    const bad: string[] = [];
    for (const f of walk(root)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        const spec = m[1] ?? '';
        if (/^(react|react-dom|d3|@xterm|zustand|node:)/.test(spec)) bad.push(`${relative(src, f)} → ${spec}`);
        if (spec.startsWith('.') && !['lessons', 'engine', 'cli'].includes(relative(src, join(f, '..', spec)).split('/')[0] ?? '')) bad.push(`${relative(src, f)} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('focus', () => {
  it('every highlight link in the explanations names a kind the topology has', async () => {
    const { LESSON_TEXTS } = await import('../i18n/lessons');
    const { parseSelector } = await import('./focus');
    for (const [id, texts] of Object.entries(LESSON_TEXTS)) {
      for (const p of [...texts.en.intro, ...texts['zh-CN'].intro]) {
        for (const m of p.matchAll(/\]\(([^)]+)\)/g)) expect(parseSelector(m[1] ?? ''), `${id}: ${m[1]}`).not.toBeNull();
      }
    }
  });

  it('finds docker0, the host eth0 and the veths of a running container', async () => {
    const { toTopology } = await import('../engine/topology');
    const { focusIds } = await import('./focus');
    const s = attempt('bridge-veth', ['docker run -dit --name alpine1 alpine']);
    const topo = toTopology(s.world);
    const name = (id: string) => topo.nodes.find((n) => n.id === id)?.name;
    expect(focusIds(topo, [{ kind: 'bridge', name: 'docker0' }]).map(name)).toEqual(['docker0']);
    expect(focusIds(topo, [{ kind: 'interface', name: 'eth0', parent: 'host' }]).map(name)).toEqual(['eth0']);
    expect(focusIds(topo, [{ kind: 'veth' }]).filter((id) => name(id)).length).toBe(2);
  });
});
