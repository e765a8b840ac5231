import type { CommandSpec } from '../types';

/** `ssh laptop`: a shell on the LAN machine until `exit` (the host's key is already trusted). */
export const ssh: CommandSpec = {
  path: ['ssh'],
  usage: 'ssh [user@]hostname',
  short: 'OpenSSH remote login client',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  run(ctx, flags) {
    const target = flags.args.filter((a) => !a.startsWith('-')).pop() ?? '';
    const host = target.includes('@') ? target.slice(target.indexOf('@') + 1) : target;
    if (host === '') {
      return { out: [{ stream: 'err', text: 'usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]\n           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]\n           [-J destination] [-L address] [-l login_name] [-m mac_spec]\n           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]\n           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]\n           destination [command [argument ...]]\n' }], exitCode: 255 };
    }
    if (host === 'laptop' || host === ctx.world.host.laptopIp) {
      const banner = 'Linux laptop 6.12.48+deb13-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.12.48-1 x86_64\n\nLast login: Fri Nov 27 08:52:13 2026 from 192.168.1.10\n';
      return { out: [{ stream: 'out', text: banner }], exitCode: 0, shell: { at: 'laptop' } };
    }
    if (host === 'localhost' || host === ctx.world.host.hostname) return { out: [{ stream: 'err', text: 'The lab console already is a shell on this host.\n' }], exitCode: 0 };
    return { out: [{ stream: 'err', text: `ssh: Could not resolve hostname ${host}: Name or service not known\n` }], exitCode: 255 };
  },
};
