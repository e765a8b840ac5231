import { BRCTL_HEADER, BRCTL_USAGE, brctlBridgeRows, brctlShowText } from '../format/brctl';
import { both, shellNetns, stderr, stdout } from '../format/shellContext';
import type { CommandOutput, CommandSpec } from '../types';

/**
 * `brctl` (bridge-utils 1.7.1, installed on the lab's host): `show [BRIDGE…]`; the commands that
 * change bridges are not simulated. brctl.c: no command prints the help (stdout, exit 1); an
 * unknown one says "never heard of command [X]" first.
 */
export const brctl: CommandSpec = {
  path: ['brctl'],
  usage: 'brctl [commands]',
  short: 'ethernet bridge administration',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host'],
  run(ctx, flags): CommandOutput {
    const [cmd, ...rest] = flags.args;
    if (cmd === undefined) return stdout(BRCTL_USAGE, 1);
    if (cmd === '-V') return stdout('bridge-utils, 1.7.1\n');
    const known = ['addbr', 'delbr', 'addif', 'delif', 'hairpin', 'setageing', 'setbridgeprio', 'setfd', 'sethello', 'setmaxage', 'setpathcost', 'setportprio', 'show', 'showmacs', 'showstp', 'stp'];
    if (!known.includes(cmd)) return { out: [{ stream: 'err', text: `never heard of command [${cmd}]\n` }, { stream: 'out', text: BRCTL_USAGE }], exitCode: 1 };
    if (cmd !== 'show') return stderr(`brctl ${cmd}: changing bridges by hand is not simulated in this lab\n`, 1);
    const ns = shellNetns(ctx.world, ctx.shell);
    if (!ns) return stdout(BRCTL_HEADER);
    if (rest.length === 0) return stdout(brctlShowText(ctx.world, ns));
    // show_bridge prints the name before asking the kernel, so a failure leaves "NAME\t\t" behind
    // (bridge-utils 1.7 br_cmd_show; the error wording is [unverified] against a capture).
    let out = BRCTL_HEADER;
    let err = '';
    const n = ctx.world.netns.get(ns);
    for (const name of rest) {
      const id = n?.byName.get(name);
      const iface = id ? ctx.world.ifaces.get(id) : undefined;
      if (iface?.kind === 'bridge') out += brctlBridgeRows(ctx.world, iface);
      else {
        out += `${name}\t\t`;
        err += `can't get info ${iface ? 'Operation not supported' : 'No such device'}\n`;
      }
    }
    return both(out, err, 0);
  },
};
