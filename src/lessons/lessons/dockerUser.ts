import type { Rule } from '../../engine/netfilter/types';
import type { PacketResult } from '../../engine/packet';
import type { World } from '../../engine/world';
import { choice, fail, goal, needRunning, notYet, OK } from '../goals';
import { container, HOST_NS, LAPTOP_NS, ROUTER_NS, tcp } from '../probe';
import type { CheckResult, Lesson, NodeSelector } from '../types';
import { whyNotPublished } from './portMapping';

/**
 * Docker's page "Packet filtering and firewalls" (docs.docker.com/engine/network/packet-filtering-firewalls/):
 * a rule in INPUT does not protect a published port (DNAT in PREROUTING makes the packet a
 * forwarded one), DOCKER-USER is where to filter it, and `--ctorigdstport` matches the port the
 * client asked for, before DNAT. Every goal is checked by walking a TCP SYN to 192.168.1.10:8080
 * from the laptop and from the router, and by reading the host's chains as structures.
 */

const PORT = 8080;
const CHAIN = 'DOCKER-USER';

/** The rules of a chain in the host's filter table (none when the chain does not exist). */
function filterRules(w: World, chain: string): readonly Rule[] {
  return w.netns.get(HOST_NS)?.nf.tables.filter.chains[chain]?.rules ?? [];
}

/** The lesson's setup rule: `-I INPUT -p tcp --dport 8080 -j DROP`, the firewall that does not work. */
const isSetupRule = (r: Rule): boolean =>
  r.spec.target.t === 'DROP' && r.spec.proto === 'tcp' && !r.spec.src && !r.spec.in && r.spec.matches.some((m) => m.m === 'tcp' && m.dport === PORT && m.dportEnd === undefined);

/** Chains a packet in DOCKER-USER can reach: DOCKER-USER and the user chains it jumps to (by hand). */
function dockerUserChains(w: World): Set<string> {
  const seen = new Set<string>([CHAIN]);
  const todo = [CHAIN];
  for (let c = todo.pop(); c !== undefined; c = todo.pop()) {
    for (const r of filterRules(w, c)) {
      const t = r.spec.target;
      if (r.byUser && t.t === 'JUMP' && !seen.has(t.chain)) {
        seen.add(t.chain);
        todo.push(t.chain);
      }
    }
  }
  return seen;
}

/**
 * The rule that stopped a packet, if one did: its table and chain ("filter INPUT", "raw
 * PREROUTING"…). A chain's policy does not count: it drops what no rule accepted (docker0 down
 * leaves the FORWARD policy to drop the laptop's packet), which is not a filter the student wrote.
 */
function droppedBy(r: PacketResult): { readonly table: string; readonly chain: string } | undefined {
  for (const h of r.hops) if (h.kind === 'drop' && h.by && 'num' in h.by) return { table: h.by.table, chain: h.by.chain };
  return undefined;
}

/** The SYN reached a listening socket (the answer may still have been lost on the way back). */
const reachedServer = (r: PacketResult): boolean => r.answeredBy?.socket != null;

/** Why the laptop still reaches nginx: the plausible wrong places for the rule first. */
function whyLaptopGetsThrough(w: World): CheckResult {
  const mine = filterRules(w, CHAIN).filter((r) => r.byUser);
  const matchesDport = (r: Rule) => r.spec.matches.some((m) => (m.m === 'tcp' || m.m === 'udp') && m.dport !== undefined && m.dport <= PORT && PORT <= (m.dportEnd ?? m.dport));
  if (mine.some(matchesDport)) return notYet('dport-after-dnat');
  if (filterRules(w, 'INPUT').some((r) => r.byUser && !isSetupRule(r))) return notYet('input-rule');
  const forward = filterRules(w, 'FORWARD');
  const firstDocker = forward.findIndex((r) => r.spec.target.t === 'JUMP' && r.spec.target.chain.startsWith('DOCKER'));
  if (forward.some((r, i) => r.byUser && i > firstDocker)) return notYet('forward-after-docker');
  if (mine.length) return notYet('rule-misses');
  return notYet('laptop-reaches');
}

/**
 * web still runs and publishes 8080; the laptop's SYN is stopped by a rule in DOCKER-USER (or a
 * chain it jumps to); the router still gets nginx's answer. Returns the laptop's probe for the
 * REJECT task.
 */
function restricted(w: World): { readonly result: CheckResult; readonly laptop?: PacketResult } {
  const web = container(w, 'web');
  if (!web || web.state !== 'running') return { result: notYet('web-gone') };
  const r = needRunning(w, 'web', 'nginx');
  if (r.why) return { result: fail(r) };
  if (!web.ports.some((p) => p.hostPort === PORT && p.proto === 'tcp' && !p.hostIp.startsWith('127.'))) return { result: notYet('web-unpublished') };

  const laptop = tcp(w, LAPTOP_NS, w.host.lanIp, PORT);
  if (laptop.delivered) return { result: whyLaptopGetsThrough(w) };
  if (reachedServer(laptop)) return { result: notYet('reply-only') };
  const by = droppedBy(laptop);
  if (!by) return { result: notYet('laptop-cut-off') };
  if (by.table !== 'filter' || !dockerUserChains(w).has(by.chain)) return { result: notYet('blocked-elsewhere', { where: `${by.table} ${by.chain}` }) };

  const router = tcp(w, ROUTER_NS, w.host.lanIp, PORT);
  if (!router.delivered) return { result: notYet(reachedServer(router) ? 'reply-dropped' : 'router-blocked') };
  return { result: OK, laptop };
}

const NODES: readonly NodeSelector[] = [{ kind: 'port' }, { kind: 'interface', name: 'eth0', parent: 'host' }];
const WHO: readonly NodeSelector[] = [...NODES, { kind: 'machine', name: 'laptop' }, { kind: 'router' }];

const RULE = `-i eth0 ! -s 192.168.1.1 -p tcp -m conntrack --ctorigdstport ${PORT}`;

export const dockerUser: Lesson = {
  id: 'docker-user',
  // The firewall a student would write first: it looks right and does nothing for a published port.
  setup: [`iptables -I INPUT -p tcp --dport ${PORT} -j DROP`],
  focus: NODES,
  tasks: [
    goal(
      'publish',
      (w) => {
        const r = needRunning(w, 'web', 'nginx');
        return r.why ? fail(r) : whyNotPublished(w, r.c, PORT);
      },
      ['docker run -d --name web -p 8080:80 nginx', 'ssh laptop', 'curl -sI 192.168.1.10:8080 | head -1', 'exit'],
      NODES,
    ),
    choice(
      'why-input',
      ['dnat-forward', 'proxy-first', 'input-policy', 'needs-reject'],
      'dnat-forward',
      ['iptables -nvL INPUT', 'ssh laptop', 'trace curl -s 192.168.1.10:8080', 'exit'],
      [...NODES, { kind: 'bridge', name: 'docker0' }],
    ),
    goal(
      'restrict',
      (w) => restricted(w).result,
      [`iptables -I DOCKER-USER ${RULE} -j DROP`, 'iptables -S DOCKER-USER', 'ssh laptop', 'curl --connect-timeout 3 192.168.1.10:8080', 'exit'],
      WHO,
    ),
    goal(
      'reject',
      (w) => {
        const { result, laptop } = restricted(w);
        if (!result.ok) return result;
        return laptop?.answer?.by === HOST_NS ? OK : notYet('still-timeout');
      },
      [`iptables -R DOCKER-USER 1 ${RULE} -j REJECT --reject-with tcp-reset`, 'ssh laptop', 'curl 192.168.1.10:8080', 'exit'],
      WHO,
    ),
  ],
};
