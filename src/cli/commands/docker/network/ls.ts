import type { World } from '../../../../engine/world';
import type { Network } from '../../../../engine/docker/types';
import { isPredefined } from '../../../../engine/docker/lookup';
import type { CommandOutput, CommandSpec } from '../../../types';
import { formatFlagError } from '../../../flags';
import { daemonError, errorOutput } from '../../../format/errors';
import { formatRows } from '../../../format/gotemplate';
import { goTimeString } from '../../../format/gotemplate-fmt';
import { naturalCompare } from '../../../format/naturalSort';
import { bool, list, str } from '../containerSpec';
import { type FilterArgs, exactMatch, match, matchKVList, parseFilterFlag, validateFilters } from '../listFilters';
import { FORMAT_HELP, jsonLines } from '../listFormat';

/**
 * docker network ls (docker/cli v28.5.2 cli/command/network/list.go + formatter.go): rows sorted
 * by name with sortorder.NaturalLess, IDs truncated to 12 unless --no-trunc. Filtering is the
 * daemon's (moby v28.5.2 daemon/network/filter.go `FilterNetworks`).
 */
const ACCEPTED = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'];

const HEADER: Readonly<Record<string, string>> = {
  ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv4: 'IPV4', IPv6: 'IPV6', Internal: 'INTERNAL', Labels: 'LABELS', CreatedAt: 'CREATED AT',
};

function filterNetworks(w: World, nets: Network[], f: FilterArgs): { ok: true; list: Network[] } | { ok: false; error: string } {
  const bad = validateFilters(f, ACCEPTED);
  if (bad) return { ok: false, error: bad };
  let out = nets.filter(
    (n) =>
      (!f.has('driver') || exactMatch(f, 'driver', n.driver)) &&
      (!f.has('name') || match(f, 'name', n.name)) &&
      (!f.has('id') || match(f, 'id', n.id)) &&
      (!f.has('label') || matchKVList(f, 'label', n.labels)) &&
      (!f.has('scope') || exactMatch(f, 'scope', 'local')),
  );
  const dangling = f.get('dangling') ?? [];
  if (dangling.length > 1) return { ok: false, error: 'got more than one value for filter key "dangling"' };
  if (dangling.length === 1) {
    const v = dangling[0] ?? '';
    if (!['0', 'false', '1', 'true'].includes(v)) return { ok: false, error: 'invalid value for filter \'dangling\', must be "true" (or "1"), or "false" (or "0")' };
    const only = v === '1' || v === 'true';
    out = out.filter((n) => (only ? !isPredefined(n) && n.endpoints.length === 0 : isPredefined(n) || n.endpoints.length > 0));
  }
  if (f.has('type')) {
    const typed: Network[] = [];
    for (const t of f.get('type') ?? []) {
      if (t !== 'builtin' && t !== 'custom') return { ok: false, error: `invalid filter: 'type'='${t}'` };
      typed.push(...out.filter((n) => isPredefined(n) === (t === 'builtin')));
    }
    out = typed;
  }
  void w;
  return { ok: true, list: out };
}

function row(n: Network, trunc: boolean): Record<string, string> {
  return {
    CreatedAt: goTimeString(n.created),
    Driver: n.driver,
    ID: trunc ? n.id.slice(0, 12) : n.id,
    IPv4: String(n.enableIPv4),
    IPv6: String(n.enableIPv6),
    Internal: String(n.internal),
    // Go ranges over the labels map in random order; sorted here so output is stable.
    Labels: Object.keys(n.labels).sort().map((k) => `${k}=${n.labels[k] ?? ''}`).join(','),
    Name: n.name,
    Scope: 'local',
  };
}

export const dockerNetworkLs: CommandSpec = {
  path: ['docker', 'network', 'ls'],
  aliases: [['docker', 'network', 'list']],
  usage: 'docker network ls [OPTIONS]',
  short: 'List networks',
  flags: [
    { long: 'filter', short: 'f', kind: 'list', valueName: 'filter', help: 'Provide filter values (e.g. "driver=bridge")' },
    { long: 'format', kind: 'string', valueName: 'string', help: FORMAT_HELP },
    { long: 'no-trunc', kind: 'bool', help: 'Do not truncate the output' },
    { long: 'quiet', short: 'q', kind: 'bool', help: 'Only display network IDs' },
  ],
  args: { min: 0, max: 0 },
  run(ctx, flags): CommandOutput {
    const filter = parseFilterFlag(list(flags, 'filter'));
    if (!filter.ok) return errorOutput(formatFlagError(dockerNetworkLs, { kind: 'flag', message: filter.message }, ctx.path), 125);
    const picked = filterNetworks(ctx.world, [...ctx.world.docker.networks.values()], filter.args);
    if (!picked.ok) return errorOutput(daemonError(picked.error), 1);
    const nets = picked.list.sort((a, b) => naturalCompare(a.name, b.name));
    const quiet = bool(flags, 'quiet');
    const source = str(flags, 'format') ?? '';
    // newFormat: "" and "table" → the default table (or IDs with -q); "raw"; anything else as given.
    let fmt = source === '' || source === 'table' ? (quiet ? '{{.ID}}' : 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}') : source;
    if (source === 'raw') fmt = quiet ? 'network_id: {{.ID}}' : 'network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n';
    const rows = nets.map((n) => row(n, !bool(flags, 'no-trunc')));
    if (fmt === 'json' || fmt === '{{json .}}') return { out: [{ stream: 'out', text: jsonLines(rows) }], exitCode: 0 };
    const r = formatRows(fmt, rows, HEADER, { objects: 'struct', structName: '*network.networkContext' });
    if (!r.ok) return errorOutput(r.error, 1);
    return { out: [{ stream: 'out', text: r.output }], exitCode: 0 };
  },
};
