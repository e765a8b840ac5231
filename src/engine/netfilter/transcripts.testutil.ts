/**
 * Test support (imported by *.test.ts only): the eight 28.5.2 scenarios built the way the
 * daemon builds them, and a reader for the verbatim listings in
 * shared/reference/transcripts/moby-iptablesdoc-v28.5.2-*.md.
 */
import * as fw from './docker';
import type { FwContainer, FwDaemon, FwNetwork } from './docker';
import { emptyNetfilter } from './tables';
import type { Netfilter } from './types';

export const DOCKER0: FwNetwork = { bridge: 'docker0', subnet: '172.17.0.0/16', icc: true, masquerade: true, internal: false, gatewayMode: 'nat' };
export const PROXY: FwDaemon = { userlandProxy: true };

export function bridge1(over: Partial<FwNetwork> = {}): FwNetwork {
  return { bridge: 'bridge1', subnet: '192.0.2.0/24', icc: true, masquerade: true, internal: false, gatewayMode: 'nat', ...over };
}

/** `docker run --network bridge1 -p [hostIp:]8080:80 --name c1 busybox` → 192.0.2.2 */
export function c1(hostIp = '0.0.0.0'): FwContainer {
  return { ip: '192.0.2.2', ports: [{ proto: 'tcp', hostIp, hostPort: 8080, containerIp: '192.0.2.2', containerPort: 80 }] };
}

/** Daemon start: chains, then docker0 (daemon_unix.go initBridgeDriver). */
export function newDaemon(d: FwDaemon = PROXY): Netfilter {
  return fw.addNetwork(fw.setupDaemon(emptyNetfilter(), d), DOCKER0, d);
}

function portmap(net: FwNetwork, d: FwDaemon = PROXY, hostIp = '0.0.0.0'): Netfilter {
  const nf = fw.addNetwork(newDaemon(d), net, d);
  return fw.addContainer(nf, net, c1(hostIp), d);
}

export const SCENARIOS: Readonly<Record<string, () => Netfilter>> = {
  'new-daemon': () => newDaemon(),
  'usernet-portmap': () => portmap(bridge1()),
  'usernet-portmap-noicc': () => portmap(bridge1({ icc: false })),
  'usernet-portmap-noproxy': () => portmap(bridge1(), { userlandProxy: false }),
  'usernet-portmap-lo': () => portmap(bridge1(), PROXY, '127.0.0.1'),
  'usernet-internal': () => {
    // The capture's second network has ICC off (its DOCKER-FORWARD rule is DROP).
    const icc = bridge1({ bridge: 'bridgeICC', internal: true });
    const noIcc = bridge1({ bridge: 'bridgeNoICC', subnet: '198.51.100.0/24', internal: true, icc: false });
    let nf = fw.addNetwork(newDaemon(), icc, PROXY);
    nf = fw.addContainer(nf, icc, { ip: '192.0.2.2', ports: [] }, PROXY);
    nf = fw.addNetwork(nf, noIcc, PROXY);
    return fw.addContainer(nf, noIcc, { ip: '198.51.100.2', ports: [] }, PROXY);
  },
  'usernet-portmap-routed': () => portmap(bridge1({ gatewayMode: 'routed' })),
  'usernet-portmap-natunprot': () => portmap(bridge1({ gatewayMode: 'nat-unprotected' })),
};

export interface Block {
  readonly kind: 'list' | 'save';
  readonly table: 'filter' | 'nat' | 'raw';
  /** Indent stripped, trailing empty lines dropped, one final newline. */
  readonly text: string;
}

/**
 * The indented blocks between the VERBATIM markers. A block is a run of lines indented by four
 * spaces (the generator indents every output line, including the empty one after the final
 * newline). Partial excerpts (a block not starting with the table's first built-in) are skipped.
 */
export function transcriptBlocks(markdown: string): Block[] {
  const begin = markdown.indexOf('<!-- BEGIN VERBATIM -->');
  const end = markdown.indexOf('<!-- END VERBATIM -->');
  const lines = markdown.slice(begin, end).split('\n');
  const runs: string[][] = [];
  let run: string[] | null = null;
  for (const l of lines) {
    if (l.startsWith('    ')) {
      if (!run) runs.push((run = []));
      run.push(l.slice(4));
    } else run = null;
  }
  const out: Block[] = [];
  for (const r of runs) {
    while (r.length > 0 && r[r.length - 1] === '') r.pop();
    const text = r.join('\n') + '\n';
    const first = r[0] ?? '';
    const has = (s: string): boolean => r.some((l) => l.startsWith(s));
    if (first.startsWith('Chain INPUT ') && has('Chain FORWARD ')) out.push({ kind: 'list', table: 'filter', text });
    else if (first.startsWith('Chain PREROUTING ') && has('Chain POSTROUTING ')) out.push({ kind: 'list', table: 'nat', text });
    else if (first.startsWith('Chain PREROUTING ') && has('Chain OUTPUT ')) out.push({ kind: 'list', table: 'raw', text });
    else if (first === '-P INPUT ACCEPT' || first === '-P INPUT DROP') out.push({ kind: 'save', table: 'filter', text });
    else if (first.startsWith('-P PREROUTING ') && r[1]?.startsWith('-P INPUT ')) out.push({ kind: 'save', table: 'nat', text });
    else if (first.startsWith('-P PREROUTING ') && r[1]?.startsWith('-P OUTPUT ')) out.push({ kind: 'save', table: 'raw', text });
  }
  return out;
}
