import { shellContainer, shellImage } from '../format/shellContext';
import type { CommandOutput, CommandSpec } from '../types';

/** The lab host's kernel (Debian 13's 6.12 LTS), which containers share. */
export const KERNEL = { release: '6.12.48+deb13-amd64', version: '#1 SMP PREEMPT_DYNAMIC Debian 6.12.48-1 (2025-09-20)', machine: 'x86_64' };

/**
 * `uname` (GNU coreutils; BusyBox in alpine/busybox). -a prints kernel name, node name, release,
 * version, machine and OS, skipping -p/-i when they are "unknown" as coreutils does. The OS name
 * is "GNU/Linux" for coreutils and BusyBox's default build, "Linux" for Alpine's build.
 */
export const uname: CommandSpec = {
  path: ['uname'],
  usage: 'uname [OPTION]...',
  short: 'print system information',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container', 'laptop'],
  run(ctx, flags): CommandOutput {
    const c = shellContainer(ctx.world, ctx.shell);
    const node = ctx.shell.at === 'laptop' ? 'laptop' : (c?.hostname ?? ctx.world.host.hostname);
    const img = shellImage(ctx.world, ctx.shell);
    const os = img?.repo === 'alpine' ? 'Linux' : 'GNU/Linux';
    const longs: Record<string, string> = { all: 'a', 'kernel-name': 's', nodename: 'n', 'kernel-release': 'r', 'kernel-version': 'v', machine: 'm', processor: 'p', 'hardware-platform': 'i', 'operating-system': 'o' };
    const set = new Set<string>();
    for (const a of flags.args) {
      const letters = a.startsWith('--') ? (longs[a.slice(2)] ?? '?') : a.startsWith('-') ? a.slice(1) : '!';
      for (const ch of letters) {
        if (!'asnrvmpio'.includes(ch)) {
          const text = ch === '!' ? `uname: extra operand '${a}'\n` : a.startsWith('--') ? `uname: unrecognized option '${a}'\n` : `uname: invalid option -- '${ch}'\n`;
          return { out: [{ stream: 'err', text: `${text}Try 'uname --help' for more information.\n` }], exitCode: 1 };
        }
        set.add(ch);
      }
    }
    const all = set.has('a');
    const parts: string[] = [];
    if (all || set.has('s') || set.size === 0) parts.push('Linux');
    if (all || set.has('n')) parts.push(node);
    if (all || set.has('r')) parts.push(KERNEL.release);
    if (all || set.has('v')) parts.push(KERNEL.version);
    if (all || set.has('m')) parts.push(KERNEL.machine);
    if (!all && set.has('p')) parts.push('unknown');
    if (!all && set.has('i')) parts.push('unknown');
    if (all || set.has('o')) parts.push(os);
    return { out: [{ stream: 'out', text: `${parts.join(' ')}\n` }], exitCode: 0 };
  },
};
