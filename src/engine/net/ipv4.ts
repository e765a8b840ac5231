/**
 * IPv4 arithmetic on 32-bit unsigned integers. Parsing follows Go's net.ParseIP / ParsePrefix
 * (what Docker uses): four decimal octets, no leading zeros, each 0–255.
 */

export function parseIp(s: string): number | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return null;
    const v = Number(p);
    if (v > 255) return null;
    n = n * 256 + v;
  }
  return n >>> 0;
}

export function formatIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export interface Prefix {
  /** Address as written (may have host bits set: 10.243.3.1/16). */
  readonly addr: number;
  readonly bits: number;
}

export function parseCidr(s: string): Prefix | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const addr = parseIp(s.slice(0, slash));
  const bitsText = s.slice(slash + 1);
  if (addr === null || !/^(0|[1-9][0-9]?)$/.test(bitsText)) return null;
  const bits = Number(bitsText);
  if (bits > 32) return null;
  return { addr, bits };
}

export function mask(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

export function networkOf(p: Prefix): number {
  return (p.addr & mask(p.bits)) >>> 0;
}

export function broadcastOf(p: Prefix): number {
  return (networkOf(p) | (~mask(p.bits) >>> 0)) >>> 0;
}

export function formatCidr(p: Prefix): string {
  return `${formatIp(networkOf(p))}/${p.bits}`;
}

export function contains(p: Prefix, ip: number): boolean {
  return ((ip & mask(p.bits)) >>> 0) === networkOf(p);
}

export function overlaps(a: Prefix, b: Prefix): boolean {
  const bits = Math.min(a.bits, b.bits);
  return ((a.addr & mask(bits)) >>> 0) === ((b.addr & mask(bits)) >>> 0);
}

/** `ip` in `cidr` where both are strings; false on bad input. */
export function inCidr(ip: string, cidr: string): boolean {
  const p = parseCidr(cidr);
  const a = parseIp(ip);
  return p !== null && a !== null && contains(p, a);
}

/** Broadcast as netlink computes it for an address being added (none for /31 and /32). */
export function broadcastFor(ip: string, prefix: number): string | undefined {
  const a = parseIp(ip);
  if (a === null || prefix >= 31) return undefined;
  return formatIp(broadcastOf({ addr: a, bits: prefix }));
}

export function isLoopback(ip: string): boolean {
  return ip.startsWith('127.');
}
