/**
 * `ip address` and `ip link` as iproute2 6.15 (Debian 13) prints them, from ip/ipaddress.c:
 * print_linkinfo, print_addrinfo, print_linkinfo_brief, ipaddr_filter. Every field is printed
 * as "%s " by iproute2, which leaves the trailing spaces real output has (`group default ` for a
 * device without a queue length, `scope link ` after an IPv6 address).
 */
import type { NetnsId } from '../../engine/ids';
import type { Iface } from '../../engine/net/types';
import type { World } from '../../engine/world';
import {
  displayName,
  ipv6Addrs,
  linkFlags,
  linkNetnsid,
  linkType,
  nsIfaces,
  operState,
  qdiscOf,
  txqlen,
} from './linkState';

export type Family = 'inet' | 'inet6' | 'link';

/** Selection and layout options shared by `ip addr` and `ip link` (ipaddr_list_flush_or_save). */
export interface IpShowOptions {
  /** -4 / -6 / -0 / -f FAMILY. */
  readonly family?: Family;
  readonly brief?: boolean;
  readonly oneline?: boolean;
  /** `dev NAME` or a bare NAME. */
  readonly dev?: string;
  /** `up`: only links that are administratively up. */
  readonly up?: boolean;
  /** `master BR`. */
  readonly master?: string;
  /** `type KIND` (veth, bridge, …) or `type bridge_slave`. */
  readonly type?: string;
  /** `scope host|link|global`. */
  readonly scope?: string;
}

/** One address as print_addrinfo sees it. */
interface AddrInfo {
  readonly family: 'inet' | 'inet6';
  readonly ip: string;
  readonly prefix: number;
  readonly brd?: string;
  readonly scope: string;
  readonly flags: readonly string[];
  /** IFA_LABEL: IPv4 addresses carry the device name. */
  readonly label?: string;
}

/** The addresses the kernel dumps for a link: all IPv4 ones, then IPv6 (AF_INET dumps first). */
export function addrsOf(w: World, i: Iface): AddrInfo[] {
  const v4: AddrInfo[] = i.addrs.map((a) => ({ family: 'inet', ip: a.ip, prefix: a.prefix, ...(a.brd ? { brd: a.brd } : {}), scope: a.scope, flags: a.secondary ? ['secondary'] : [], label: i.name }));
  const v6: AddrInfo[] = ipv6Addrs(w, i).map((a) => ({ family: 'inet6', ip: a.ip, prefix: a.prefix, scope: a.scope, flags: a.flags }));
  return [...v4, ...v6];
}

function kindOf(i: Iface): string {
  return i.kind === 'ether' ? '' : i.kind === 'loopback' ? '' : i.kind;
}

/** The links the filters let through, before the address-family filter. */
export function selectLinks(w: World, ns: NetnsId, o: IpShowOptions): Iface[] {
  const all = nsIfaces(w, ns);
  const masterId = o.master !== undefined ? all.find((i) => i.name === o.master)?.id : undefined;
  return all.filter((i) => {
    if (o.dev !== undefined && i.name !== o.dev) return false;
    if (o.up && !i.up) return false;
    if (o.master !== undefined && i.master !== masterId) return false;
    if (o.type !== undefined) {
      if (o.type.endsWith('_slave')) {
        const br = i.master ? w.ifaces.get(i.master) : undefined;
        if (!br || `${br.kind}_slave` !== o.type) return false;
      } else if (kindOf(i) !== o.type) return false;
    }
    return true;
  });
}

function scopeOk(a: AddrInfo, o: IpShowOptions): boolean {
  return o.scope === undefined || o.scope === 'all' || a.scope === o.scope;
}

/** The first line of a link: `2: eth0: <…> mtu 1500 qdisc fq_codel state UP group default qlen 1000`. */
export function linkHeader(w: World, i: Iface, doLink: boolean): string {
  const master = i.master ? w.ifaces.get(i.master)?.name : undefined;
  const q = txqlen(i);
  return (
    `${i.ifindex}: ${displayName(w, i)}: <${linkFlags(w, i).join(',')}> mtu ${i.mtu} qdisc ${qdiscOf(i)} ` +
    (master ? `master ${master} ` : '') +
    `state ${operState(w, i)} ` +
    (doLink ? 'mode DEFAULT ' : '') +
    'group default ' +
    (q ? `qlen ${q}` : '')
  );
}

/** `    link/ether MAC brd ff:ff:ff:ff:ff:ff link-netnsid 0` */
export function linkLine(w: World, i: Iface): string {
  const t = linkType(i);
  const nsid = linkNetnsid(w, i);
  return `    link/${t.type} ${i.mac} brd ${t.brd}${nsid !== undefined ? ` link-netnsid ${nsid}` : ''}`;
}

function addrLine(a: AddrInfo): string {
  const flags = a.flags.map((f) => `${f} `).join('');
  return `    ${a.family} ${a.ip}/${a.prefix} ${a.brd ? `brd ${a.brd} ` : ''}scope ${a.scope} ${flags}${a.label ?? ''}`;
}

const LFT = '       valid_lft forever preferred_lft forever';

/** `ip address show` (and `ip -4 a`, `ip -o a`, `ip -br a`). */
export function ipAddrText(w: World, ns: NetnsId, o: IpShowOptions): string {
  // `ip -0 addr` (AF_PACKET) shows the links alone, as `ip link` does but without `mode`.
  const linkOnly = o.family === 'link';
  const fam = linkOnly ? undefined : o.family;
  let out = '';
  for (const i of selectLinks(w, ns, o)) {
    const all = linkOnly ? [] : addrsOf(w, i);
    const addrs = all.filter((a) => (!fam || a.family === fam) && scopeOk(a, o));
    // ipaddr_filter: a link stays if an address matches, or if it has none and no family was asked.
    if (addrs.length === 0 && !(all.length === 0 && !fam)) continue;
    if (o.brief) {
      out += `${displayName(w, i).padEnd(16)} ${operState(w, i).padEnd(14)} ${addrs.map((a) => `${a.ip}/${a.prefix} `).join('')}\n`;
      continue;
    }
    if (o.oneline) {
      // ip -o a: no link records, each address on its own line prefixed with "N: name".
      for (const a of addrs) out += `${i.ifindex}: ${i.name}${addrLine(a)}\\${LFT}\n`;
      continue;
    }
    out += linkHeader(w, i, false);
    if (!fam) out += `\n${linkLine(w, i)}`;
    out += '\n';
    for (const a of addrs) out += `${addrLine(a)}\n${LFT}\n`;
  }
  return out;
}

/** `ip link show` (and `ip -br link`, `ip -o link`). */
export function ipLinkText(w: World, ns: NetnsId, o: IpShowOptions): string {
  let out = '';
  for (const i of selectLinks(w, ns, o)) {
    if (o.brief) {
      out += `${displayName(w, i).padEnd(16)} ${operState(w, i).padEnd(14)} ${i.mac} <${linkFlags(w, i).join(',')}> \n`;
      continue;
    }
    out += `${linkHeader(w, i, true)}${o.oneline ? '\\' : '\n'}${linkLine(w, i)}\n`;
  }
  return out;
}
