import { HOST_NS } from '../../engine/ids';
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
    // -P and -Z change the tables.
    const world = r.nf ? { ...ctx.world, netns: ctx.world.netns.set(HOST_NS, { ...ns, nf: r.nf }) } : undefined;
    return { ...(world ? { world } : {}), out, exitCode: r.exitCode };
  },
};
