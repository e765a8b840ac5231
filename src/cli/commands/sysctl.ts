import { HOST_NS } from '../../engine/ids';
import { readSysctl, sysctlKey, writeSysctl } from '../../engine/net/sysctl';
import type { World } from '../../engine/world';
import type { CommandSpec, OutChunk } from '../types';

/**
 * sysctl (procps-ng 4.0, Debian 13) on the host: read keys (`sysctl net.ipv4.ip_forward`, `-n`
 * for the bare value) and write them (`sysctl -w net.ipv4.ip_forward=1`, printing the new
 * setting unless -q). Messages follow procps sysctl.c ReadSetting / WriteSetting.
 * Simulator difference: only the keys engine/net/sysctl.ts models exist; `-a`, `-p` and
 * `--system` (which read every key or /etc/sysctl.conf) print a note instead.
 */
const path = (key: string): string => `/proc/sys/${key.replace(/\./g, '/')}`;

export const sysctl: CommandSpec = {
  path: ['sysctl'],
  usage: 'sysctl [options] [variable[=value] ...]',
  short: 'configure kernel parameters at runtime',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host'],
  run(ctx, flags) {
    let world: World = ctx.world;
    const out: OutChunk[] = [];
    let write = false;
    let bare = false;
    let quiet = false;
    let code = 0;
    const names: string[] = [];
    for (const a of flags.args) {
      if (a === '-w' || a === '--write') write = true;
      else if (a === '-n' || a === '--values') bare = true;
      else if (a === '-q' || a === '--quiet') quiet = true;
      else if (a === '-a' || a === '-A' || a === '-X' || a === '--all' || a === '-p' || a === '--load' || a === '--system') {
        return { out: [{ stream: 'err', text: `sysctl: ${a}: the lab models only ${['net.ipv4.ip_forward', 'net.ipv4.conf.all.forwarding'].join(' and ')} (read one key at a time)\n` }], exitCode: 1 };
      } else if (a.startsWith('-')) {
        return { out: [{ stream: 'err', text: `sysctl: invalid option -- '${a.replace(/^-+/, '')[0] ?? ''}'\nUsage:\n sysctl [options] [variable[=value] ...]\n` }], exitCode: 1 };
      } else names.push(a);
    }
    if (names.length === 0) {
      return { out: [{ stream: 'err', text: '\nUsage:\n sysctl [options] [variable[=value] ...]\n\nFor more details see sysctl(8).\n' }], exitCode: 1 };
    }
    for (const n of names) {
      const eq = n.indexOf('=');
      if (write || eq >= 0) {
        if (eq < 0) {
          out.push({ stream: 'err', text: `sysctl: "${n}" must be of the form name=value\n` });
          code = 255;
          continue;
        }
        const key = sysctlKey(n.slice(0, eq).trim());
        const r = writeSysctl(world, HOST_NS, key, n.slice(eq + 1));
        if (!r.ok) {
          const why = r.error.code === 'sysctl-unknown' ? `cannot stat ${path(key)}: No such file or directory`
            : r.error.code === 'sysctl-invalid' ? `setting key "${key}": Invalid argument`
            : `setting key "${key}": the lab does not simulate changing this key`;
          out.push({ stream: 'err', text: `sysctl: ${why}\n` });
          code = 255;
          continue;
        }
        world = r.value;
        if (!quiet) out.push({ stream: 'out', text: bare ? `${readSysctl(world, HOST_NS, key) ?? ''}\n` : `${key} = ${readSysctl(world, HOST_NS, key) ?? ''}\n` });
        continue;
      }
      const key = sysctlKey(n);
      const v = readSysctl(world, HOST_NS, key);
      if (v === null) {
        out.push({ stream: 'err', text: `sysctl: cannot stat ${path(key)}: No such file or directory\n` });
        code = 255;
        continue;
      }
      out.push({ stream: 'out', text: bare ? `${v}\n` : `${key} = ${v}\n` });
    }
    return { world, out, exitCode: code };
  },
};
