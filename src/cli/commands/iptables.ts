import type { EngineEvent } from '../../engine/events';
import { HOST_NS } from '../../engine/ids';
import { diffRules } from '../../engine/netfilter/diff';
import { runIptables } from '../format/iptables';
import type { CommandSpec } from '../types';

/** iptables (1.8.9, nf_tables backend) over the namespace the shell is in. */
export const iptables: CommandSpec = {
  path: ['iptables'],
  usage: 'iptables -[ACD] chain rule-specification [options]',
  short: 'administration tool for IPv4 packet filtering and NAT',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  // The official images ship no iptables (and containers lack CAP_NET_ADMIN): not found there.
  where: ['host', 'laptop'],
  run(ctx, flags) {
    if (ctx.shell.at === 'laptop') return { out: [{ stream: 'err', text: 'iptables v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n' }], exitCode: 4 };
    const ns = ctx.world.netns.get(HOST_NS);
    if (!ns) return { out: [], exitCode: 1 };
    const r = runIptables(flags.args, ns.nf);
    const out = [];
    if (r.stdout) out.push({ stream: 'out' as const, text: r.stdout });
    if (r.stderr) out.push({ stream: 'err' as const, text: r.stderr });
    // -P, -Z and the rule editors change the tables; rule changes are events, as Docker's are.
    const world = r.nf ? { ...ctx.world, netns: ctx.world.netns.set(HOST_NS, { ...ns, nf: r.nf }) } : undefined;
    const events: EngineEvent[] = [];
    if (r.nf) {
      for (const c of diffRules(ns.nf, r.nf)) {
        if (c.type === 'rule-appended' || c.type === 'rule-inserted' || c.type === 'rule-deleted') events.push({ type: c.type, netns: HOST_NS, table: c.table, chain: c.chain, rule: c.rule });
      }
    }
    return { ...(world ? { world } : {}), ...(events.length ? { events } : {}), out, exitCode: r.exitCode };
  },
};
