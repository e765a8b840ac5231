import type { PortBindingRequest, PortSpec } from '../../engine/docker/types';

/**
 * `-p/--publish` and `--expose` as the docker CLI parses them (go-connections nat.ParsePortSpec,
 * ParsePortRange, SplitProtoPort; cli opts/parse.go). Error texts are the CLI 25+ ones.
 */

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** strconv.ParseUint(s, 10, 16) */
function parseU16(s: string): number | null {
  if (!/^[0-9]+$/.test(s)) return null;
  const n = Number(s);
  return n <= 65535 ? n : null;
}

export function parsePortRange(s: string): { start: number; end: number } | null {
  if (s === '') return null;
  const dash = s.indexOf('-');
  if (dash < 0) {
    const p = parseU16(s);
    return p === null ? null : { start: p, end: p };
  }
  const start = parseU16(s.slice(0, dash));
  const end = parseU16(s.slice(dash + 1));
  if (start === null || end === null || end < start) return null;
  return { start, end };
}

function splitParts(raw: string): [string, string, string] {
  const parts = raw.split(':');
  const n = parts.length;
  const container = parts[n - 1] ?? '';
  if (n === 1) return ['', '', container];
  if (n === 2) return ['', parts[0] ?? '', container];
  if (n === 3) return [parts[0] ?? '', parts[1] ?? '', container];
  return [parts.slice(0, n - 2).join(':'), parts[n - 2] ?? '', container];
}

function splitProtoPort(s: string): [string, string] {
  const parts = s.split('/');
  if (s.length === 0 || parts.length === 0 || (parts[0] ?? '').length === 0) return ['', ''];
  if (parts.length === 1) return ['tcp', s];
  if ((parts[1] ?? '').length === 0) return ['tcp', parts[0] ?? ''];
  return [parts[1] ?? '', parts[0] ?? ''];
}

function isIp(s: string): boolean {
  const v4 = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$/;
  return v4.test(s) || (/^[0-9a-fA-F:.]+$/.test(s) && s.includes(':') && s.split('::').length <= 2);
}

export function parsePublish(raw: string): Parsed<PortBindingRequest[]> {
  let [ip, hostPort, containerPortProto] = splitParts(raw);
  const [proto, containerPort] = splitProtoPort(containerPortProto);
  if (ip.startsWith('[')) {
    if (!ip.endsWith(']')) return { ok: false, error: `invalid IP address ${ip}: address ${ip}:: missing ']' in address` };
    ip = ip.slice(1, -1);
  }
  if (ip !== '' && !isIp(ip)) return { ok: false, error: `invalid IP address: ${ip}` };
  if (containerPort === '') return { ok: false, error: `no port specified: ${raw}<empty>` };
  const cr = parsePortRange(containerPort);
  if (!cr) return { ok: false, error: `invalid containerPort: ${containerPort}` };
  let hr = { start: 0, end: 0 };
  if (hostPort.length > 0) {
    const h = parsePortRange(hostPort);
    if (!h) return { ok: false, error: `invalid hostPort: ${hostPort}` };
    hr = h;
  }
  if (hostPort !== '' && cr.end - cr.start !== hr.end - hr.start && cr.end !== cr.start) {
    return { ok: false, error: `invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}` };
  }
  const p = proto.toLowerCase();
  if (p !== 'tcp' && p !== 'udp' && p !== 'sctp') return { ok: false, error: `invalid proto: ${proto}` };
  if (p === 'sctp') return { ok: false, error: 'the lab simulates tcp and udp only (sctp is not supported here)' };
  const out: PortBindingRequest[] = [];
  for (let i = 0; i <= cr.end - cr.start; i++) {
    let hp = hostPort.length > 0 ? String(hr.start + i) : '';
    // A single container port with a host range: the range is where the daemon picks a port.
    if (cr.start === cr.end && hr.start !== hr.end) hp = `${hr.start}-${hr.end}`;
    out.push({ containerPort: cr.start + i, proto: p, hostIp: ip, hostPort: hp });
  }
  return { ok: true, value: out };
}

export function parseExpose(raw: string): Parsed<PortSpec[]> {
  if (raw.includes(':')) return { ok: false, error: `invalid port format for --expose: ${raw}` };
  const [proto, port] = splitProtoPort(raw);
  const r = parsePortRange(port);
  if (!r) return { ok: false, error: `invalid range format for --expose: ${raw}, error: invalid syntax` };
  const p = proto.toLowerCase();
  if (p !== 'tcp' && p !== 'udp') return { ok: false, error: `invalid proto: ${proto}` };
  const out: PortSpec[] = [];
  for (let n = r.start; n <= r.end; n++) out.push({ port: n, proto: p });
  return { ok: true, value: out };
}
