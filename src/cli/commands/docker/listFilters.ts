/**
 * `--filter` for `docker ps` and `docker network ls`: the CLI's FilterOpt (docker/cli v28.5.2
 * opts/opts.go `FilterOpt.Set`), moby's filters.Args matching (api/types/filters/parse.go:
 * `Match` = exact or unanchored Go regexp, `ExactMatch`, `MatchKVList`, `Validate`) and the
 * daemon's container selection (daemon/list.go `foldFilter` / `includeContainerInList`).
 */
import type { World } from '../../../engine/world';
import type { Container } from '../../../engine/docker/types';
import { findContainer } from '../../../engine/docker/lookup';
import { configLabels } from '../../format/containerInspect';
import { apiPorts } from '../../format/containerList';
import { findLocalImage } from '../../format/imageInspect';
import { goQuote } from '../../format/gotemplate-fmt';

/** filters.Args: key → set of values, in the order first given. */
export type FilterArgs = ReadonlyMap<string, readonly string[]>;

/** FilterOpt.Set for each `-f` value; the error is pflag's "invalid argument" text. */
export function parseFilterFlag(values: readonly string[]): { ok: true; args: FilterArgs } | { ok: false; message: string } {
  const m = new Map<string, string[]>();
  for (const v of values) {
    if (v === '') continue;
    const eq = v.indexOf('=');
    if (eq < 0) return { ok: false, message: `invalid argument ${goQuote(v)} for "-f, --filter" flag: bad format of filter (expected name=value)` };
    const name = v.slice(0, eq).trim().toLowerCase();
    const val = v.slice(eq + 1).trim();
    const list = m.get(name) ?? [];
    if (!list.includes(val)) list.push(val);
    m.set(name, list);
  }
  return { ok: true, args: m };
}

/** filters.Args.Validate: `invalid filter 'foo'`. */
export function validateFilters(args: FilterArgs, accepted: readonly string[]): string | undefined {
  for (const k of args.keys()) if (!accepted.includes(k)) return `invalid filter '${k}'`;
  return undefined;
}

/** Go regexp syntax is close enough to JS for the patterns students type; a bad pattern matches nothing. */
function regexMatch(pattern: string, source: string): boolean {
  try {
    return new RegExp(pattern).test(source);
  } catch {
    return false;
  }
}

export function exactMatch(args: FilterArgs, field: string, source: string): boolean {
  const values = args.get(field);
  if (!values || values.length === 0) return true;
  return values.includes(source);
}

export function match(args: FilterArgs, field: string, source: string): boolean {
  if (exactMatch(args, field, source)) return true;
  return (args.get(field) ?? []).some((p) => regexMatch(p, source));
}

export function matchKVList(args: FilterArgs, key: string, sources: Readonly<Record<string, string>>): boolean {
  const values = args.get(key);
  if (!values || values.length === 0) return true;
  if (Object.keys(sources).length === 0) return false;
  return values.every((value) => {
    const eq = value.indexOf('=');
    const k = eq < 0 ? value : value.slice(0, eq);
    if (!(k in sources)) return false;
    return eq < 0 || sources[k] === value.slice(eq + 1);
  });
}

export const PS_FILTERS = ['ancestor', 'before', 'exited', 'id', 'isolation', 'label', 'name', 'status', 'health', 'since', 'volume', 'network', 'is-task', 'publish', 'expose'];
const STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

/** daemon/list.go portOp: `80`, `80/udp`, `8000-8080/tcp` → the set of "port/proto" keys. */
function portSet(key: string, values: readonly string[]): { ok: true; set: Set<string> } | { ok: false; error: string } {
  const set = new Set<string>();
  for (const value of values) {
    if (value.includes(':')) return { ok: false, error: `filter for '${key}' should not contain ':': ${value}` };
    const parts = value.split('/');
    const port = parts[0] ?? '';
    const proto = parts.length > 1 && parts[1] !== '' ? (parts[1] ?? 'tcp') : 'tcp';
    const [a = '', b] = port.split('-');
    const parse = (s: string) => (/^[0-9]+$/.test(s) && Number(s) <= 65535 ? Number(s) : null);
    const start = parse(a);
    const end = b === undefined ? start : parse(b);
    if (port === '') return { ok: false, error: `error while looking up for ${key} ${value}: empty string specified for ports` };
    if (start === null || end === null) {
      const bad = start === null ? a : (b ?? '');
      const why = /^[0-9]+$/.test(bad) ? 'value out of range' : 'invalid syntax';
      return { ok: false, error: `error while looking up for ${key} ${value}: strconv.ParseUint: parsing ${goQuote(bad)}: ${why}` };
    }
    if (end < start) return { ok: false, error: `error while looking up for ${key} ${value}: invalid range specified for port: ${port}` };
    for (let p = start; p <= end; p++) set.add(`${p}/${proto}`);
  }
  return { ok: true, set };
}

export interface ListRequest {
  readonly all: boolean;
  /** -n; -1 when not given (`-l` makes it 1). */
  readonly limit: number;
  readonly filters: FilterArgs;
}

/** daemon.Containers: the selected containers, newest first, or the daemon's error text. */
export function selectContainers(w: World, req: ListRequest): { ok: true; list: Container[] } | { ok: false; error: string } {
  const f = req.filters;
  const bad = validateFilters(f, PS_FILTERS);
  if (bad) return { ok: false, error: bad };
  const exited: number[] = [];
  for (const v of f.get('exited') ?? []) {
    if (!/^[+-]?[0-9]+$/.test(v)) return { ok: false, error: `invalid filter 'exited=${v}': strconv.Atoi: parsing ${goQuote(v)}: invalid syntax` };
    exited.push(Number(v));
  }
  let all = req.all;
  for (const v of f.get('status') ?? []) {
    if (!STATES.includes(v)) return { ok: false, error: `invalid filter 'status=${v}': invalid value for state (${v}): must be one of ${STATES.join(', ')}` };
    all = true;
  }
  const refFilter = (key: string): { ok: true; c?: Container } | { ok: false; error: string } => {
    const v = f.get(key)?.[0];
    if (v === undefined) return { ok: true };
    const c = findContainer(w, v);
    return c ? { ok: true, c } : { ok: false, error: `No such container: ${v}` };
  };
  const before = refFilter('before');
  if (!before.ok) return before;
  const since = refFilter('since');
  if (!since.ok) return since;
  const publish = portSet('publish', f.get('publish') ?? []);
  if (!publish.ok) return publish;
  const expose = portSet('expose', f.get('expose') ?? []);
  if (!expose.ok) return expose;
  const ancestors = new Set<string>();
  for (const a of f.get('ancestor') ?? []) for (const img of findLocalImage(w, a)) ancestors.add(img.info.id);

  const sorted = [...w.docker.containers.values()].sort((a, b) => b.created - a.created || b.seq - a.seq);
  const out: Container[] = [];
  let beforeC = before.c;
  for (const c of sorted) {
    if (beforeC) {
      if (c.id === beforeC.id) beforeC = undefined;
      continue;
    }
    if (since.c && c.id === since.c.id) break;
    if (c.state !== 'running' && !all && req.limit <= 0) continue;
    if (!match(f, 'name', `/${c.name}`) && !match(f, 'name', c.name)) continue;
    if (!match(f, 'id', c.id)) continue;
    if (f.has('is-task') && (f.get('is-task') ?? []).some((v) => v === 'true' || v === '1')) continue;
    if (!matchKVList(f, 'label', configLabels(c))) continue;
    if (req.limit > 0 && out.length === req.limit) break;
    if (exited.length && !(c.state !== 'running' && c.startedAt !== 0 && exited.includes(c.exitCode))) continue;
    if (!match(f, 'status', c.state)) continue;
    if (!exactMatch(f, 'health', 'none')) continue;
    if (f.has('volume')) continue; // the lab has no volumes
    if (f.has('ancestor') && !ancestors.has(c.imageId)) continue;
    if (f.has('network')) {
      const values = f.get('network') ?? [];
      const ok = c.networks.some((a) => {
        const net = w.docker.networks.get(a.networkId);
        const everStarted = c.startedAt !== 0;
        return values.some((v) => net?.name === v || (everStarted && a.networkId.startsWith(v)));
      });
      if (!ok) continue;
    }
    if (publish.set.size || expose.set.size) {
      const hit = apiPorts(w, c).some((p) => publish.set.has(`${p.publicPort}/${p.type}`) || expose.set.has(`${p.privatePort}/${p.type}`));
      if (!hit) continue;
    }
    out.push(c);
  }
  return { ok: true, list: out };
}
