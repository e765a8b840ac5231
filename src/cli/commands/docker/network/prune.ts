import { removeNetwork } from '../../../../engine/docker/networks';
import { isPredefined } from '../../../../engine/docker/lookup';
import type { World } from '../../../../engine/world';
import type { EngineEvent } from '../../../../engine/events';
import type { CommandSpec } from '../../../types';
import { bool, list } from '../containerSpec';
import { type FilterArgs, matchKVList, parseFilterFlag, validateFilters } from '../listFilters';
import { formatFlagError } from '../../../flags';
import { daemonError, errorOutput } from '../../../format/errors';

const WARNING = 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ';

/** moby v28.5.2 daemon/prune.go `networksAcceptedFilters`. */
const ACCEPTED = ['label', 'label!', 'until'];

const UNIT_MS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go time.ParseDuration (`1h30m`, `10s`, `-5m`), in milliseconds; undefined when it is not one. */
function goDuration(v: string): number | undefined {
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(v);
  if (!m) return v === '0' ? 0 : undefined;
  let total = 0;
  for (const part of v.replace(/^[-+]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * (UNIT_MS[part[2] ?? 's'] ?? 0);
  return m[1] === '-' ? -total : total;
}

/**
 * The `until` filter as moby's getUntilFromPruneFilters reads it (api/types/time GetTimestamp):
 * a Go duration before now, a Unix timestamp (seconds[.nanoseconds]) or an RFC 3339 date.
 * Returns the cut-off in ms, undefined without the filter, or the daemon's error text.
 */
function untilOf(f: FilterArgs, now: number): { ok: true; at?: number } | { ok: false; error: string } {
  const values = f.get('until') ?? [];
  if (values.length === 0) return { ok: true };
  if (values.length > 1) return { ok: false, error: 'more than one until filter specified' };
  const v = values[0] ?? '';
  const d = v === '0' ? undefined : goDuration(v);
  if (d !== undefined) return { ok: true, at: now - d };
  if (/^\d+(\.\d{1,9})?$/.test(v)) return { ok: true, at: Number(v) * 1000 };
  if (v.includes('-')) {
    const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(v) || !v.includes('T') ? v : `${v}Z`);
    if (!Number.isNaN(t)) return { ok: true, at: t };
  }
  return { ok: false, error: `failed to parse value as time or duration: "${v}"` };
}

/**
 * docker network prune: removes the user-defined networks without endpoints that pass the
 * filters (`label`, `label!`, `until`; moby daemon/prune.go NetworksPrune). Without -f the CLI
 * asks first; the console keeps the question open and the next line answers it.
 */
export const dockerNetworkPrune: CommandSpec = {
  path: ['docker', 'network', 'prune'],
  usage: 'docker network prune [OPTIONS]',
  short: 'Remove all unused networks',
  args: { min: 0, max: 0 },
  flags: [
    { long: 'filter', kind: 'list', valueName: 'filter', help: 'Provide filter values (e.g. "until=<timestamp>")' },
    { long: 'force', short: 'f', kind: 'bool', help: 'Do not prompt for confirmation' },
  ],
  run(ctx, flags) {
    const filters = list(flags, 'filter');
    const parsed = parseFilterFlag(filters);
    if (!parsed.ok) return errorOutput(formatFlagError(dockerNetworkPrune, { kind: 'flag', message: parsed.message }, ctx.path), 125);
    if (!bool(flags, 'force') && ctx.shell.at === 'host') {
      const confirm = ['docker', 'network', 'prune', '--force', ...filters.flatMap((v) => ['--filter', v])];
      return { out: [{ stream: 'out', text: WARNING }], exitCode: 0, shell: { at: 'host', confirm } };
    }
    const bad = validateFilters(parsed.args, ACCEPTED);
    const until = untilOf(parsed.args, ctx.world.clock);
    if (bad || !until.ok) return errorOutput(daemonError(bad ?? (until.ok ? '' : until.error)), 1);
    const f = parsed.args;
    const keep = (labels: Readonly<Record<string, string>>, created: string) =>
      (until.at !== undefined && Date.parse(created) > until.at) ||
      !matchKVList(f, 'label', labels) ||
      (f.has('label!') && matchKVList(f, 'label!', labels));
    let world: World = ctx.world;
    const events: EngineEvent[] = [];
    const removed: string[] = [];
    const names = [...world.docker.networks.values()].filter((n) => !isPredefined(n) && n.endpoints.length === 0 && !keep(n.labels, n.created)).map((n) => n.name).sort();
    for (const name of names) {
      const r = removeNetwork(world, name);
      if (r.ok) {
        world = r.value.world;
        events.push(...r.value.events);
        removed.push(name);
      }
    }
    const text = removed.length ? `Deleted Networks:\n${removed.map((n) => `${n}\n`).join('')}` : '';
    return { world, events, out: text ? [{ stream: 'out', text }] : [], exitCode: 0 };
  },
};
