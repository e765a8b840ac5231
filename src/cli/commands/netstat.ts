import { netstat as render } from '../format/netstat';
import { shellNetns } from '../net/where';
import type { CommandSpec } from '../types';

/** net-tools netstat (what Docker's host-networking tutorial runs): listening sockets with -l. */
export const netstat: CommandSpec = {
  path: ['netstat'],
  usage: 'netstat [-vWeenNcCF] [<Af>] -r',
  short: 'Print network connections, routing tables, interface statistics',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'laptop'],
  run(ctx, flags) {
    const letters = flags.args.filter((a) => /^-[a-zA-Z]+$/.test(a)).map((a) => a.slice(1)).join('');
    const bad = letters.replace(/[tulpnaW4]/g, '');
    if (bad) return { out: [{ stream: 'err', text: `netstat: invalid option -- '${bad[0]}'\nusage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}\n` }], exitCode: 1 };
    const ns = shellNetns(ctx.world, ctx.shell);
    if (!ns) return { out: [], exitCode: 1 };
    const text = render(ctx.world, ns, {
      tcp: letters.includes('t'),
      udp: letters.includes('u'),
      listening: letters.includes('l'),
      programs: letters.includes('p'),
      numeric: letters.includes('n'),
    });
    return { out: [{ stream: 'out', text }], exitCode: 0 };
  },
};
