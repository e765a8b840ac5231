import { allCommands, availableAt, childrenOf } from '../registry';
import type { CommandSpec } from '../types';

/**
 * `help`: the lab's own guide to its console — which commands exist where the shell is, and the
 * lab's extras (trace, ssh laptop, the detach keys). Each command's own `--help` is the real one.
 */
function line(name: string, short: string): string {
  return `  ${name.padEnd(26)} ${short}\n`;
}

export const help: CommandSpec = {
  path: ['help'],
  usage: 'help',
  short: 'list what the lab console understands',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container', 'laptop'],
  run(ctx) {
    const at = ctx.shell.at;
    let s = 'Docker Network Lab — a simulated Linux host running Docker Engine 28.5.\n\n';
    if (at === 'host') {
      s += 'Docker (try `docker COMMAND --help`):\n';
      const docker = allCommands().filter((c) => c.path[0] === 'docker' && c.path.length === 2 && !c.hidden && childrenOf(c.path).length === 0);
      for (const c of docker) s += line(c.path.join(' '), c.short);
      s += line('docker network COMMAND', 'ls, inspect, create, rm, connect, disconnect, prune');
      s += line('docker container COMMAND', 'the same container commands, grouped');
      s += '\n';
    }
    s += at === 'container' ? 'Inside this container (if its image ships them):\n' : 'Linux tools:\n';
    const tools = allCommands().filter((c) => c.path.length === 1 && c.path[0] !== 'docker' && c.path[0] !== 'help' && availableAt(c, at) && !c.hidden);
    for (const c of tools) s += line(c.path[0] ?? '', c.short);
    s += '\nLab extras:\n';
    s += line('trace COMMAND', 'run COMMAND and explain every packet it sent, hop by hop');
    if (at === 'host') s += line('ssh laptop', 'a shell on the LAN machine (192.168.1.20); `exit` comes back');
    if (at === 'container') s += line('exit', 'leave this shell (if you attached to the main process, the container stops)');
    s += line('Ctrl-P Ctrl-Q', 'detach from a container without stopping it');
    s += line('Ctrl-C', 'interrupt (stops a container attached in the foreground)');
    s += '\nThe host: docker-host 192.168.1.10 on a LAN with the router 192.168.1.1 and laptop 192.168.1.20;\ngoogle.com, example.com and github.com are on the internet behind the router.\n';
    return { out: [{ stream: 'out', text: s }], exitCode: 0 };
  },
};
