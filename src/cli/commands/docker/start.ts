import { findContainer } from '../../../engine/docker/lookup';
import type { EngineEvent } from '../../../engine/events';
import type { CommandOutput, CommandSpec, OutChunk } from '../../types';
import { isShell } from '../../execIn';
import { daemonMessage } from '../../format/daemonErrors';
import { daemonError, errorOutput } from '../../format/errors';
import { bool } from './containerSpec';
import { startOne } from './startFlow';

/**
 * docker start (docker/cli v28.5.2 cli/command/container/start.go). Without -a/-i: each
 * container in turn, its name printed as typed on success, the daemon's error printed at once on
 * failure, and `Error: failed to start containers: a, b` at the end (exit 1). With -a/-i: one
 * container only; what it prints is shown (the log, a one-shot's output) and an interactive
 * shell takes over the console; the exit status is the container's.
 */
export const dockerStart: CommandSpec = {
  path: ['docker', 'start'],
  aliases: [['docker', 'container', 'start']],
  usage: 'docker start [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  flags: [
    { long: 'attach', short: 'a', kind: 'bool', help: 'Attach STDOUT/STDERR and forward signals' },
    { long: 'checkpoint', kind: 'string', valueName: 'string', help: 'Restore from this checkpoint', hidden: true },
    { long: 'checkpoint-dir', kind: 'string', valueName: 'string', help: 'Use a custom checkpoint storage directory', hidden: true },
    { long: 'detach-keys', kind: 'string', valueName: 'string', help: 'Override the key sequence for detaching a container' },
    { long: 'interactive', short: 'i', kind: 'bool', help: "Attach container's STDIN" },
  ],
  args: { min: 1 },
  run(ctx, flags): CommandOutput {
    const attach = bool(flags, 'attach');
    const interactive = bool(flags, 'interactive');
    let world = ctx.world;
    const events: EngineEvent[] = [];
    if (attach || interactive) {
      if (flags.args.length > 1) return errorOutput('you cannot start and attach multiple containers at once', 1);
      const ref = flags.args[0] ?? '';
      const before = findContainer(world, ref);
      if (!before) return errorOutput(daemonError(daemonMessage({ code: 'no-such-container', data: { ref } })), 1);
      const logsBefore = before.logs.length;
      const r = startOne(world, ref);
      if (r.error !== undefined) return errorOutput(daemonError(r.error), 1);
      world = r.world;
      const c = world.docker.containers.get(before.id);
      const out: OutChunk[] = [...r.output];
      if (r.output.length === 0) for (const l of (c?.logs ?? []).slice(logsBefore)) out.push({ stream: 'out', text: `${l}\n` });
      if (c && c.state === 'running' && interactive && c.openStdin && isShell(world, c.id, c.cmd[0] ?? '')) {
        const shell = (c.cmd[0] ?? '').endsWith('bash') ? 'bash' : 'sh';
        return { world, out, exitCode: 0, events: r.events, shell: { at: 'container', id: c.id, via: 'attach', shell } };
      }
      return { world, out, exitCode: c && c.state !== 'running' ? c.exitCode : 0, events: r.events };
    }
    const out: OutChunk[] = [];
    const failed: string[] = [];
    for (const ref of flags.args) {
      const r = startOne(world, ref);
      if (r.error !== undefined) {
        out.push({ stream: 'err', text: `${daemonError(r.error)}\n` });
        failed.push(ref);
        continue;
      }
      world = r.world;
      events.push(...r.events);
      out.push({ stream: 'out', text: `${ref}\n` });
    }
    if (failed.length) out.push({ stream: 'err', text: `Error: failed to start containers: ${failed.join(', ')}\n` });
    return { world, out, exitCode: failed.length ? 1 : 0, events };
  },
};
