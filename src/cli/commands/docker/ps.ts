import type { CommandOutput, CommandSpec, FlagSpec } from '../../types';
import { formatFlagError } from '../../flags';
import { daemonError, errorOutput } from '../../format/errors';
import { formatRows, renderTemplate } from '../../format/gotemplate';
import { PS_HEADER, psFormat, psRow } from '../../format/containerList';
import { bool, list, str } from './containerSpec';
import { parseFilterFlag, selectContainers } from './listFilters';
import { FORMAT_HELP, jsonLines } from './listFormat';

/**
 * docker ps / docker container ls (docker/cli v28.5.2 cli/command/container/list.go `runPs`,
 * formatter/container.go). Flags and help texts from `newPsCommand`.
 */
export const PS_FLAGS: readonly FlagSpec[] = [
  { long: 'all', short: 'a', kind: 'bool', help: 'Show all containers (default shows just running)' },
  { long: 'filter', short: 'f', kind: 'list', valueName: 'filter', help: 'Filter output based on conditions provided' },
  { long: 'format', kind: 'string', valueName: 'string', help: FORMAT_HELP },
  { long: 'last', short: 'n', kind: 'int', valueName: 'int', help: 'Show n last created containers (includes all states)', defaultText: '-1' },
  { long: 'latest', short: 'l', kind: 'bool', help: 'Show the latest created container (includes all states)' },
  { long: 'no-trunc', kind: 'bool', help: "Don't truncate output" },
  { long: 'quiet', short: 'q', kind: 'bool', help: 'Only display container IDs' },
  { long: 'size', short: 's', kind: 'bool', help: 'Display total file sizes' },
];

export const dockerPs: CommandSpec = {
  path: ['docker', 'ps'],
  aliases: [['docker', 'container', 'ls'], ['docker', 'container', 'list'], ['docker', 'container', 'ps']],
  usage: 'docker ps [OPTIONS]',
  short: 'List containers',
  flags: PS_FLAGS,
  args: { min: 0, max: 0 },
  run(ctx, flags): CommandOutput {
    const filter = parseFilterFlag(list(flags, 'filter'));
    if (!filter.ok) return errorOutput(formatFlagError(dockerPs, { kind: 'flag', message: filter.message }, ctx.path), 125);
    const quiet = bool(flags, 'quiet');
    const format = str(flags, 'format') ?? '';
    const out: { stream: 'out' | 'err'; text: string }[] = [];
    if (format !== '' && quiet) out.push({ stream: 'err', text: 'WARNING: Ignoring custom format, because both --format and --quiet are set.\n' });

    let size = bool(flags, 'size');
    if (format !== '') {
      // buildContainerListOptions: the template is parsed and run once against an empty context
      // (errors: "failed to parse template" / "failed to execute template"); a .Size in it turns
      // on --size unless --size was given explicitly.
      const empty = Object.fromEntries(Object.keys(PS_HEADER).sort().map((k) => [k, k === 'Platform' ? null : '']));
      const probe = renderTemplate(format, empty, { objects: 'struct', structName: '*formatter.ContainerContext' });
      if (!probe.ok) {
        const parseError = !probe.error.includes('executing');
        return errorOutput(`${parseError ? 'failed to parse template' : 'failed to execute template'}: ${probe.error}`, 1);
      }
      if (!quiet && !size && !flags.given.includes('size') && /\.Size\b/.test(format)) size = true;
    }
    const lastRaw = str(flags, 'last');
    let limit = lastRaw === undefined ? -1 : Number(lastRaw);
    if (bool(flags, 'latest') && limit === -1) limit = 1;
    const selected = selectContainers(ctx.world, { all: bool(flags, 'all'), limit, filters: filter.args });
    if (!selected.ok) return { out: [...out, { stream: 'err', text: `${daemonError(selected.error)}\n` }], exitCode: 1 };

    const trunc = !bool(flags, 'no-trunc');
    const rows = selected.list.map((c) => psRow(ctx.world, c, { trunc, size }));
    const fmt = psFormat(format, quiet, size);
    if (fmt === 'json' || fmt === '{{json .}}') {
      out.push({ stream: 'out', text: jsonLines(rows) });
      return { out, exitCode: 0 };
    }
    const r = formatRows(fmt, rows, PS_HEADER, { objects: 'struct', structName: '*formatter.ContainerContext', typeAt: (p) => (p === 'Platform' ? { kind: 'struct', name: 'formatter.Platform', pointer: true } : undefined) });
    if (!r.ok) return { out: [...out, { stream: 'err', text: `${r.error}\n` }], exitCode: 1 };
    out.push({ stream: 'out', text: r.output });
    return { out, exitCode: 0 };
  },
};
