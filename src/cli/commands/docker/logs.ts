import type { CommandSpec } from '../../types';
import { findContainer } from '../../../engine/docker/lookup';
import { daemonMessage } from '../../format/daemonErrors';
import { daemonError, errorOutput } from '../../format/errors';
import { timeOf } from '../../format/containerInspect';
import { bool, str } from './containerSpec';

/**
 * docker logs (docker/cli v28.5.2 cli/command/container/logs.go; daemon/logs.go for --tail: a
 * value that is not a number means "all"). Simulator differences: the log keeps no per-line
 * stream or time, so everything goes to stdout, `-t` stamps every line with the start time
 * (RFC3339Nano with nine digits, jsonmessage.RFC3339NanoFixed), and `-f` returns at once
 * instead of following; --since/--until/--details are accepted and ignored.
 */
export const dockerLogs: CommandSpec = {
  path: ['docker', 'logs'],
  aliases: [['docker', 'container', 'logs']],
  usage: 'docker logs [OPTIONS] CONTAINER',
  short: 'Fetch the logs of a container',
  flags: [
    { long: 'details', kind: 'bool', help: 'Show extra details provided to logs' },
    { long: 'follow', short: 'f', kind: 'bool', help: 'Follow log output' },
    { long: 'since', kind: 'string', valueName: 'string', help: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
    { long: 'tail', short: 'n', kind: 'string', valueName: 'string', help: 'Number of lines to show from the end of the logs', defaultText: '"all"' },
    { long: 'timestamps', short: 't', kind: 'bool', help: 'Show timestamps' },
    { long: 'until', kind: 'string', valueName: 'string', help: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
  ],
  args: { min: 1, max: 1 },
  run(ctx, flags) {
    const ref = flags.args[0] ?? '';
    const c = findContainer(ctx.world, ref);
    if (!c) return errorOutput(daemonError(daemonMessage({ code: 'no-such-container', data: { ref } })), 1);
    const tail = str(flags, 'tail') ?? 'all';
    const n = /^[+-]?[0-9]+$/.test(tail) ? Number(tail) : -1;
    let lines = [...c.logs];
    if (n >= 0) lines = n === 0 ? [] : lines.slice(-n);
    if (bool(flags, 'timestamps')) {
      const stamp = timeOf(c.startedAt || c.created, `${c.id}/log`).replace(/(\.\d+)?Z$/, (m) => `${(m.length > 1 ? m.slice(1, -1) : '').padEnd(9, '0').replace(/^/, '.')}Z`);
      lines = lines.map((l) => `${stamp} ${l}`);
    }
    return { out: lines.length ? [{ stream: 'out', text: lines.map((l) => `${l}\n`).join('') }] : [], exitCode: 0 };
  },
};
