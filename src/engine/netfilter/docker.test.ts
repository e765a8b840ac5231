import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runIptables } from '../../cli/format/iptables';
import * as fw from './docker';
import type { FwContainer, FwDaemon, FwNetwork } from './docker';
import { emptyNetfilter } from './tables';
import { DOCKER0, PROXY, SCENARIOS, bridge1, newDaemon, transcriptBlocks } from './transcripts.testutil';
import type { Netfilter } from './types';

// src/engine/netfilter → the repo root is three levels up; the shared folder sits beside it.
const TRANSCRIPTS = new URL('../../../../shared/reference/transcripts/', import.meta.url);

function run(args: string[], nf: Netfilter): string {
  const r = runIptables(args, nf);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

describe('Docker 28.5.2 rules match the daemon-generated transcripts byte for byte', () => {
  for (const [name, build] of Object.entries(SCENARIOS)) {
    const md = readFileSync(new URL(`moby-iptablesdoc-v28.5.2-${name}.md`, TRANSCRIPTS), 'utf8');
    const blocks = transcriptBlocks(md);
    it(`${name}: the transcript has filter and nat listings in both forms`, () => {
      for (const t of ['filter', 'nat'] as const) {
        expect(blocks.some((b) => b.kind === 'list' && b.table === t)).toBe(true);
        expect(blocks.some((b) => b.kind === 'save' && b.table === t)).toBe(true);
      }
    });
    const nf = build();
    blocks.forEach((b, i) => {
      it(`${name} #${i + 1}: iptables ${b.kind === 'list' ? '-nvL --line-numbers' : '-S'} -t ${b.table}`, () => {
        const args = b.kind === 'list' ? ['-nvL', '--line-numbers', '-t', b.table] : ['-S', '-t', b.table];
        expect(run(args, nf)).toBe(b.text);
      });
    });
  }
});

describe('SNAT with host_ipv4, hairpin (no proxy), port bound to 127.0.0.1', () => {
  // moby v28.5.2 libnetwork/drivers/bridge/internal/iptabler/testdata/
  // TestIptabler_hairpin=true,internal=false,icc=true,masq=true,snat=true,gwm=nat,bindlh=true__iptables.golden
  // (iptables-save format; these are its lines naming the network or the container).
  const golden = [
    '-A PREROUTING -d 192.168.0.2/32 ! -i br-dummy -j DROP',
    '-A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 8080 -j DROP',
    '-A DOCKER -d 192.168.0.2/32 ! -i br-dummy -o br-dummy -p tcp -m tcp --dport 80 -j ACCEPT',
    '-A DOCKER ! -i br-dummy -o br-dummy -j DROP',
    '-A DOCKER-BRIDGE -o br-dummy -j DOCKER',
    '-A DOCKER-CT -o br-dummy -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    '-A DOCKER-FORWARD -i br-dummy -j ACCEPT',
    '-A DOCKER-ISOLATION-STAGE-1 -i br-dummy ! -o br-dummy -j DOCKER-ISOLATION-STAGE-2',
    '-A DOCKER-ISOLATION-STAGE-2 -o br-dummy -j DROP',
    '-A POSTROUTING -o br-dummy -m addrtype --src-type LOCAL -j SNAT --to-source 192.168.123.0',
    '-A POSTROUTING -s 192.168.0.0/24 ! -o br-dummy -j SNAT --to-source 192.168.123.0',
    '-A POSTROUTING -s 192.168.0.2/32 -d 192.168.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE',
    '-A DOCKER -d 127.0.0.1/32 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.168.0.2:80',
  ];
  it('produces the golden rules in the golden order', () => {
    const d: FwDaemon = { userlandProxy: false };
    const net: FwNetwork = { bridge: 'br-dummy', subnet: '192.168.0.0/24', icc: true, masquerade: true, internal: false, gatewayMode: 'nat', hostIpv4: '192.168.123.0' };
    let nf = fw.addNetwork(fw.setupDaemon(emptyNetfilter(), d), net, d);
    nf = fw.addContainer(nf, net, { ip: '192.168.0.2', ports: [{ proto: 'tcp', hostIp: '127.0.0.1', hostPort: 8080, containerIp: '192.168.0.2', containerPort: 80 }] }, d);
    const all = ['raw', 'filter', 'nat'].flatMap((t) => run(['-S', '-t', t], nf).split('\n'));
    const ours = all.filter((l) => l.includes('br-dummy') || l.includes('192.168.0.') || l.includes('127.0.0.1/32'));
    expect(ours).toEqual(golden);
  });
});

describe('daemon options', () => {
  it('FORWARD policy DROP when the daemon enabled ip_forward itself', () => {
    const nf = fw.filterForwardDrop(newDaemon());
    expect(run(['-S', 'FORWARD'], nf)).toBe('-P FORWARD DROP\n-A FORWARD -j DOCKER-USER\n-A FORWARD -j DOCKER-FORWARD\n');
  });
  it('masquerade off: no MASQUERADE and no skip-DNAT RETURN', () => {
    const nf = fw.addNetwork(newDaemon(), bridge1({ masquerade: false }), PROXY);
    expect(run(['-t', 'nat', '-S'], nf)).not.toContain('bridge1');
  });
  it('setupDaemon is idempotent', () => {
    const once = newDaemon();
    expect(fw.setupDaemon(once, PROXY)).toEqual(once);
  });
});

describe('legacy links (ICC off)', () => {
  const net = { ...DOCKER0, icc: false };
  const link = { parentIp: '172.17.0.3', childIp: '172.17.0.2', ports: [{ proto: 'tcp' as const, port: 5432 }] };
  it('adds an ACCEPT pair per exposed port, appended to filter DOCKER', () => {
    const nf = fw.addLink(fw.addNetwork(fw.setupDaemon(emptyNetfilter(), PROXY), net, PROXY), net, link, PROXY);
    expect(run(['-S', 'DOCKER'], nf)).toBe(
      '-N DOCKER\n' +
        '-A DOCKER ! -i docker0 -o docker0 -j DROP\n' +
        '-A DOCKER -s 172.17.0.3/32 -d 172.17.0.2/32 -i docker0 -o docker0 -p tcp -m tcp --dport 5432 -j ACCEPT\n' +
        '-A DOCKER -s 172.17.0.2/32 -d 172.17.0.3/32 -i docker0 -o docker0 -p tcp -m tcp --sport 5432 -j ACCEPT\n',
    );
  });
  it('does nothing when ICC is on (the bridge driver only links with ICC off)', () => {
    const nf = newDaemon();
    expect(fw.addLink(nf, DOCKER0, link, PROXY)).toEqual(nf);
  });
});

// ------------------------------------------------------------------ add/remove round trips

const listing = (nf: Netfilter): string =>
  ['raw', 'mangle', 'nat', 'filter'].map((t) => run(['-S', '-t', t], nf) + run(['-nvL', '--line-numbers', '-t', t], nf)).join('');

const arbDaemon = fc.record({ userlandProxy: fc.boolean() });
/** Up to three networks, n = 1..3: bridge brN, subnet 10.N.0.0/24, containers 10.N.0.(k+2). */
const arbNetworks = fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }).chain((ids) =>
  fc.tuple(
    ...ids.map((n) =>
      fc.record({
        net: fc.record({
          bridge: fc.constant(`br${n}`),
          subnet: fc.constant(`10.${n}.0.0/24`),
          icc: fc.boolean(),
          masquerade: fc.boolean(),
          internal: fc.boolean(),
          gatewayMode: fc.constantFrom('nat' as const, 'nat-unprotected' as const, 'routed' as const),
          hostIpv4: fc.option(fc.constant('192.168.1.10'), { nil: undefined }),
        }),
        containers: fc.array(
          fc.record({ proto: fc.constantFrom('tcp' as const, 'udp' as const), lo: fc.boolean(), ports: fc.integer({ min: 0, max: 2 }) }),
          { maxLength: 3 },
        ),
      }),
    ),
  ).map((nets) =>
    nets.map((x, i) => {
      const n = i + 1;
      const net: FwNetwork = x.net.hostIpv4 ? x.net : { ...x.net, hostIpv4: undefined };
      const containers: FwContainer[] = x.containers.map((c, k) => {
        const ip = `10.${x.net.subnet.split('.')[1]}.0.${k + 2}`;
        // Host ports are unique (the daemon refuses a second binding of the same port).
        const ports = Array.from({ length: c.ports }, (_, j) => ({ proto: c.proto, hostIp: c.lo ? '127.0.0.1' : '0.0.0.0', hostPort: 8000 + n * 100 + k * 10 + j, containerIp: ip, containerPort: 80 + j }));
        return { ip, ports };
      });
      return { net, containers };
    }),
  ),
);

describe('remove undoes add', () => {
  it('networks, containers and links added then removed in reverse leave the daemon-start listing', () => {
    fc.assert(
      fc.property(arbDaemon, arbNetworks, (d, nets) => {
        const base = fw.addNetwork(fw.setupDaemon(emptyNetfilter(), d), DOCKER0, d);
        let nf = base;
        const states: Netfilter[] = [];
        for (const { net, containers } of nets) {
          nf = fw.addNetwork(nf, net, d);
          for (const c of containers) nf = fw.addContainer(nf, net, c, d);
          const [a, b] = containers;
          if (a && b) nf = fw.addLink(nf, net, { parentIp: a.ip, childIp: b.ip, ports: [{ proto: 'tcp', port: 5432 }] }, d);
          states.push(nf);
        }
        for (const { net, containers } of [...nets].reverse()) {
          const before = states.pop();
          expect(before && listing(before)).toBe(listing(nf));
          const [a, b] = containers;
          if (a && b) nf = fw.removeLink(nf, net, { parentIp: a.ip, childIp: b.ip, ports: [{ proto: 'tcp', port: 5432 }] }, d);
          for (const c of [...containers].reverse()) nf = fw.removeContainer(nf, net, c, d);
          nf = fw.removeNetwork(nf, net, d);
        }
        expect(listing(nf)).toBe(listing(base));
      }),
      { numRuns: 150 },
    );
  });

  it('one port added and removed on a busy host leaves the listing as it was', () => {
    const nf = SCENARIOS['usernet-portmap-noproxy']?.() ?? emptyNetfilter();
    const d = { userlandProxy: false };
    const p = { proto: 'udp' as const, hostIp: '127.0.0.1', hostPort: 5353, containerIp: '192.0.2.3', containerPort: 53 };
    const added = fw.addPort(nf, bridge1(), p, d);
    expect(listing(added)).not.toBe(listing(nf));
    expect(listing(fw.removePort(added, bridge1(), p, d))).toBe(listing(nf));
  });
});
