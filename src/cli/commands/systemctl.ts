import { restartDaemon } from '../../engine/docker/restart';
import type { CommandSpec } from '../types';

/**
 * `systemctl restart docker` (and `service docker restart`): the way a user applies
 * /etc/docker/daemon.json. Other units and verbs answer as systemd would on this host.
 */
function restart(world: Parameters<CommandSpec['run']>[0]['world']) {
  const r = restartDaemon(world);
  if (!r.ok) {
    // dockerd refuses to start with a malformed daemon.json; systemd reports the failed unit.
    return {
      out: [{ stream: 'err' as const, text: 'Job for docker.service failed because the control process exited with error code.\nSee "systemctl status docker.service" and "journalctl -xeu docker.service" for details.\n' }],
      exitCode: 1,
    };
  }
  return { world: r.value.world, events: r.value.events, out: [], exitCode: 0 };
}

export const systemctl: CommandSpec = {
  path: ['systemctl'],
  usage: 'systemctl [OPTIONS...] COMMAND ...',
  short: 'Control the systemd system and service manager',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  run(ctx, flags) {
    const [verb = '', unit = ''] = flags.args;
    const name = unit.replace(/\.service$/, '');
    if ((verb === 'restart' || verb === 'reload-or-restart') && name === 'docker') return restart(ctx.world);
    if (verb === 'is-active' && (name === 'docker' || name === 'containerd' || name === 'ssh')) return { out: [{ stream: 'out', text: 'active\n' }], exitCode: 0 };
    if (verb === '') return { out: [{ stream: 'err', text: 'Too few arguments.\n' }], exitCode: 1 };
    return { out: [{ stream: 'err', text: `Unit ${unit.includes('.') ? unit : `${unit}.service`} not found.\n` }], exitCode: 5 };
  },
};

export const service: CommandSpec = {
  path: ['service'],
  usage: 'service SCRIPT COMMAND',
  short: 'run a System V init script',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  run(ctx, flags) {
    const [unit = '', verb = ''] = flags.args;
    if (unit === 'docker' && verb === 'restart') return restart(ctx.world);
    return { out: [{ stream: 'err', text: `${unit}: unrecognized service\n` }], exitCode: 1 };
  },
};
