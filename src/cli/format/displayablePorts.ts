/**
 * Port texts of `docker ps` (PORTS column) and `docker port`, ported from docker/cli v28.5.2:
 * cli/command/formatter/container.go `DisplayablePorts` / `formGroup` / `comparePorts`, and
 * cli/command/container/port.go `runPort`. Host addresses go through Go's net.JoinHostPort, so
 * IPv6 prints bracketed: `[::]:8080->80/tcp` (CLI 28.0+, reference §3.2/§3.3).
 */
import { goQuote } from './gotemplate-fmt';
import { naturalCompare } from './naturalSort';

/** container.Port of the list API (`docker ps`): IP is '' for an exposed, unpublished port. */
export interface ApiPort {
  readonly ip: string;
  readonly privatePort: number;
  readonly publicPort: number;
  readonly type: string;
}

/** net.JoinHostPort: brackets a host that contains a colon. */
export function joinHostPort(host: string, port: string | number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Go compares strings bytewise; for the ASCII values here that is code-unit order. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function comparePorts(i: ApiPort, j: ApiPort): number {
  if (i.privatePort !== j.privatePort) return i.privatePort - j.privatePort;
  if (i.ip !== j.ip) return cmp(i.ip, j.ip);
  if (i.publicPort !== j.publicPort) return i.publicPort - j.publicPort;
  return cmp(i.type, j.type);
}

function formGroup(key: string, start: number, last: number): string {
  const parts = key.split('/');
  let groupType = parts[0] ?? '';
  let ip = '';
  if (parts.length > 1) {
    ip = parts[0] ?? '';
    groupType = parts[1] ?? '';
  }
  let group = String(start);
  if (start !== last) group = `${group}-${last}`;
  if (ip !== '') group = `${joinHostPort(ip, group)}->${group}`;
  return `${group}/${groupType}`;
}

/**
 * DisplayablePorts: unpublished ports grouped into ranges per protocol, same-number published
 * ports grouped per (IP, protocol), then the individual `HOST:PUB->PRIV/proto` mappings.
 */
export function displayablePorts(input: readonly ApiPort[]): string {
  const ports = [...input].sort(comparePorts);
  const groupMap = new Map<string, { first: number; last: number }>();
  const groupKeys: string[] = [];
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const port of ports) {
    const current = port.privatePort;
    let portKey = port.type;
    if (port.ip !== '') {
      if (port.publicPort !== current) {
        hostMappings.push(`${joinHostPort(port.ip, port.publicPort)}->${port.privatePort}/${port.type}`);
        continue;
      }
      portKey = `${port.ip}/${port.type}`;
    }
    const group = groupMap.get(portKey);
    if (group === undefined) {
      groupMap.set(portKey, { first: current, last: current });
      groupKeys.push(portKey); // record the order the keys were created
      continue;
    }
    if (current === group.last + 1) {
      group.last = current;
      continue;
    }
    result.push(formGroup(portKey, group.first, group.last));
    groupMap.set(portKey, { first: current, last: current });
  }
  for (const k of groupKeys) {
    const g = groupMap.get(k);
    if (g) result.push(formGroup(k, g.first, g.last));
  }
  return [...result, ...hostMappings].join(', ');
}

/** One binding of NetworkSettings.Ports (nat.PortBinding). */
export interface HostBinding {
  readonly hostIp: string;
  readonly hostPort: string;
}

/** `docker port CONTAINER`: `80/tcp -> 0.0.0.0:8080` lines, natural-sorted (port.go). */
export function portLines(ports: ReadonlyMap<string, readonly HostBinding[] | null>): string[] {
  const out: string[] = [];
  for (const [from, frontends] of ports) {
    for (const f of frontends ?? []) out.push(`${from} -> ${joinHostPort(f.hostIp, f.hostPort)}`);
  }
  return out.sort(naturalCompare);
}

/** `docker port CONTAINER PORT[/PROTO]`: the bindings of one port, natural-sorted, or an error. */
export function portLookup(
  ports: ReadonlyMap<string, readonly HostBinding[] | null>,
  arg: string,
  container: string,
): { ok: true; lines: string[] } | { ok: false; error: string } {
  const slash = arg.indexOf('/');
  const port = slash < 0 ? arg : arg.slice(0, slash);
  const proto = slash < 0 || arg.slice(slash + 1) === '' ? 'tcp' : arg.slice(slash + 1);
  // strconv.ParseUint(port, 10, 16), wrapped by errors.Wrapf(err, "Error: invalid port (%s)", port).
  if (!/^[0-9]+$/.test(port)) {
    return { ok: false, error: `Error: invalid port (${port}): strconv.ParseUint: parsing ${goQuote(port)}: invalid syntax` };
  }
  if (Number(port) > 65535) {
    return { ok: false, error: `Error: invalid port (${port}): strconv.ParseUint: parsing ${goQuote(port)}: value out of range` };
  }
  const frontends = ports.get(`${port}/${proto}`);
  if (!frontends || frontends.length === 0) {
    return { ok: false, error: `Error: No public port '${arg}' published for ${container}` };
  }
  return { ok: true, lines: frontends.map((f) => joinHostPort(f.hostIp, f.hostPort)).sort(naturalCompare) };
}
