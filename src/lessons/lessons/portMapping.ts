import type { Container } from '../../engine/docker/types';
import type { World } from '../../engine/world';
import { fail, goal, needRunning, notYet, OK, question } from '../goals';
import { fromLaptop, HOST_NS, hostPortsFor, ipOn, running } from '../probe';
import type { CheckResult, Lesson } from '../types';

/** Seed §实现原理 (端口映射 -p / -P) and §bridge模式 (the DNAT rule in `iptables -t nat -vnL`). */

/** Ports the kernel hands out when Docker picks (ip_local_port_range; Docker starts at its low end). */
const EPHEMERAL = { lo: 32768, hi: 60999 };

/** Why the laptop's connection to host port `port` does not reach nginx in `c`. */
export function whyNotPublished(w: World, c: Container, port: number): CheckResult {
  const r = fromLaptop(w, port);
  if (r.delivered && r.server === 'nginx' && r.by?.id === c.id && c.netns !== HOST_NS) return OK;
  if (c.netns === HOST_NS) return notYet('host-mode', { name: c.name });
  if (r.delivered && r.by && r.by.id !== c.id) return notYet('other-container', { name: r.by.name, port });
  // The classic slip: -p 80:8080 for "8080 on the host to 80 inside".
  if (c.ports.some((p) => p.hostPort === 80 && p.containerPort === port)) return notYet('swapped', { port });
  const onPort = c.ports.filter((p) => p.hostPort === port);
  if (onPort.length && onPort.every((p) => p.hostIp.startsWith('127.'))) return notYet('loopback-only', { port });
  const wrongInside = (onPort.length ? onPort : c.ports).find((p) => p.containerPort !== 80);
  const other = hostPortsFor(c, 80);
  if (!onPort.length && other.length) return notYet('wrong-host-port', { port, ports: other.join(', ') });
  if (wrongInside) return notYet('wrong-container-port', { port: wrongInside.hostPort, inside: wrongInside.containerPort });
  if (c.ports.length === 0) return notYet('not-published', { name: c.name, port });
  return notYet('not-reached', { port });
}

export const portMapping: Lesson = {
  id: 'port-mapping',
  setup: [],
  focus: [{ kind: 'interface', name: 'eth0', parent: 'host' }, { kind: 'port' }],
  tasks: [
    goal(
      'publish-8080',
      (w) => {
        const r = needRunning(w, 'web', 'nginx');
        return r.why ? fail(r) : whyNotPublished(w, r.c, 8080);
      },
      ['docker run -d --name web -p 8080:80 nginx'],
      [{ kind: 'port' }, { kind: 'interface', name: 'eth0', parent: 'host' }],
    ),
    question(
      'dnat',
      (w) => {
        const c = running(w, 'web');
        const ip = c && ipOn(w, c);
        return ip ? [`${ip}:80`, `to:${ip}:80`] : { id: 'cannot-ask' };
      },
      ['iptables -t nat -vnL'],
      {
        wrong: (w, given) => {
          const c = running(w, 'web');
          if (c && given === ipOn(w, c)) return { id: 'need-port' };
          if (given.includes(w.host.lanIp)) return { id: 'host-ip' };
          return undefined;
        },
      },
    ),
    goal(
      'publish-all',
      (w) => {
        const r = needRunning(w, 'web2', 'nginx');
        if (r.why) return fail(r);
        const c = r.c;
        const ports = hostPortsFor(c, 80);
        const picked = ports.find((p) => p >= EPHEMERAL.lo && p <= EPHEMERAL.hi);
        if (picked !== undefined) return whyNotPublished(w, c, picked);
        if (ports.length) return notYet('fixed-port', { port: ports.join(', ') });
        return c.netns === HOST_NS ? notYet('host-mode', { name: c.name }) : notYet('no-ports');
      },
      ['docker run -d --name web2 -P nginx'],
      [{ kind: 'port' }],
    ),
    question(
      'random-port',
      (w) => {
        const c = running(w, 'web2');
        const p = c ? hostPortsFor(c, 80)[0] : undefined;
        return p !== undefined ? [String(p), `0.0.0.0:${p}`, `${w.host.lanIp}:${p}`] : { id: 'cannot-ask' };
      },
      ['docker port web2', 'ssh laptop', 'curl -s 192.168.1.10:32768 | head -4', 'exit'],
      { wrong: (_w, given) => (given === '80' || given === '80/tcp' ? { id: 'container-side' } : undefined) },
    ),
  ],
};
