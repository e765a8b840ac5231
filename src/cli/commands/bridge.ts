import { bridgeLinkText } from '../format/brctl';
import { shellNetns, stderr, stdout } from '../format/shellContext';
import type { CommandOutput, CommandSpec } from '../types';
import { matches } from './ip';

const USAGE = `Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }
       bridge [ -force ] -batch filename
where  OBJECT := { link | fdb | mdb | mst | vlan | vni | monitor }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |
                    -o[neline] | -t[imestamp] | -n[etns] name |
                    -com[pressvlans] -c[olor] -p[retty] -j[son] }
`;

/**
 * iproute2's `bridge` (bridge/bridge.c, link.c): `bridge link [show] [dev X] [master BR]` lists
 * bridge ports. fdb/mdb/vlan need state the lab does not model (the learned MAC table).
 * bridge's do_cmd returns the subcommand's -1 as is, so its errors exit 255.
 */
export const bridge: CommandSpec = {
  path: ['bridge'],
  usage: 'bridge [ OPTIONS ] OBJECT { COMMAND | help }',
  short: 'show / manipulate bridge addresses and devices',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'laptop'],
  run(ctx, flags): CommandOutput {
    const args = [...flags.args];
    while (args[0]?.startsWith('-')) {
      const opt = (args.shift() ?? '').replace(/^--/, '-');
      if (matches(opt, '-Version')) return stdout('bridge utility, 6.15.0\n');
      if (matches(opt, '-help')) return stderr(USAGE, 255);
      if (!['-stats', '-statistics', '-details', '-oneline', '-timestamp', '-compressvlans', '-color', '-pretty', '-json', '-force'].some((k) => matches(opt, k))) {
        return stderr(`Option "${opt}" is unknown, try "bridge help".\n`, 255);
      }
    }
    const [obj, cmd, ...rest] = args;
    if (obj === undefined) return stderr(USAGE, 255);
    const found = ['link', 'fdb', 'mdb', 'mst', 'vlan', 'vni', 'monitor', 'help'].find((o) => matches(obj, o));
    if (found === undefined) return stderr(`Object "${obj}" is unknown, try "bridge help".\n`, 255);
    if (found === 'help') return stderr(USAGE, 255);
    if (found !== 'link') return stderr(`bridge ${found}: not simulated in this lab\n`, 1);
    if (cmd !== undefined && !['show', 'lst', 'list'].some((k) => matches(cmd, k))) {
      if (matches(cmd, 'set') || matches(cmd, 'change')) return stderr('bridge link set: changing ports by hand is not simulated in this lab\n', 1);
      if (matches(cmd, 'help')) return stderr(USAGE, 255);
      return stderr(`Command "${cmd}" is unknown, try "bridge link help".\n`, 255);
    }
    const ns = shellNetns(ctx.world, ctx.shell);
    if (!ns) return stdout('');
    let dev: string | undefined;
    let master: string | undefined;
    for (let k = 0; k < rest.length; k++) {
      if (rest[k] === 'dev') dev = rest[++k];
      else if (rest[k] === 'master') master = rest[++k];
    }
    const names = ctx.world.netns.get(ns)?.byName;
    for (const d of [dev, master]) if (d !== undefined && !names?.has(d)) return stderr(`Cannot find device "${d}"\n`, 255);
    const text = bridgeLinkText(ctx.world, ns, dev);
    return stdout(master === undefined ? text : text.split('\n').filter((l) => l.includes(` master ${master} `)).map((l) => `${l}\n`).join(''));
  },
};
