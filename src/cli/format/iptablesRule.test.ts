import { describe, expect, it } from 'vitest';
import { evaluateHook, type Packet } from '../../engine/netfilter/evaluate';
import { SCENARIOS } from '../../engine/netfilter/transcripts.testutil';
import { emptyNetfilter } from '../../engine/netfilter/tables';
import type { Netfilter } from '../../engine/netfilter/types';
import { runIptables } from './iptables';

const base = SCENARIOS['usernet-portmap']?.() ?? emptyNetfilter();
const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";

/** Runs lines in order on one Netfilter; returns it and the last output. */
function run(nf: Netfilter, ...lines: string[][]): { nf: Netfilter; stderr: string; exitCode: number } {
  let cur = nf;
  let last = { stderr: '', exitCode: 0 };
  for (const argv of lines) {
    const r = runIptables(argv, cur);
    last = r;
    if (r.nf) cur = r.nf;
  }
  return { nf: cur, ...last };
}
const save = (nf: Netfilter, ...argv: string[]): string => runIptables(['-S', ...argv], nf).stdout;

describe('rule specs print as iptables -S does', () => {
  const cases: [string[], string][] = [
    [['-i', 'eth0', '!', '-s', '192.0.2.2', '-j', 'DROP'], '-A DOCKER-USER ! -s 192.0.2.2/32 -i eth0 -j DROP'],
    [['-p', 'tcp', '--dport', '8000:8080', '-d', '10.1.2.3/8', '-j', 'ACCEPT'], '-A DOCKER-USER -d 10.0.0.0/8 -p tcp -m tcp --dport 8000:8080 -j ACCEPT'],
    [['-p', 'udp', '-m', 'udp', '--sport', 'domain', '-j', 'RETURN'], '-A DOCKER-USER -p udp -m udp --sport 53 -j RETURN'],
    [['-m', 'conntrack', '--ctstate', 'established,related', '-j', 'ACCEPT'], '-A DOCKER-USER -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT'],
    [['-o', 'br+', '-j', 'REJECT', '--reject-with', 'host-prohib'], '-A DOCKER-USER -o br+ -j REJECT --reject-with icmp-host-prohibited'],
    [['-m', 'iprange', '--dst-range', '10.0.0.1-10.0.0.9', '-g', 'DOCKER'], '-A DOCKER-USER -m iprange --dst-range 10.0.0.1-10.0.0.9 -g DOCKER'],
    [['-p', 'all', '-j', 'ACCEPT'], '-A DOCKER-USER -j ACCEPT'],
  ];
  for (const [spec, text] of cases) {
    it(spec.join(' '), () => {
      const r = run(base, ['-A', 'DOCKER-USER', ...spec]);
      expect([r.stderr, r.exitCode]).toEqual(['', 0]);
      expect(save(r.nf, 'DOCKER-USER')).toBe(`-N DOCKER-USER\n${text}\n`);
      // -C finds it from the same words, -D removes it.
      expect(run(r.nf, ['-C', 'DOCKER-USER', ...spec]).exitCode).toBe(0);
      expect(save(run(r.nf, ['-D', 'DOCKER-USER', ...spec]).nf, 'DOCKER-USER')).toBe('-N DOCKER-USER\n');
    });
  }
});

describe('rule editing commands', () => {
  it('-I with a position, -R, -D NUM, -F', () => {
    const r = run(base, ['-A', 'DOCKER-USER', '-j', 'RETURN'], ['-I', 'DOCKER-USER', '2', '-j', 'DROP'], ['-I', 'DOCKER-USER', '-j', 'ACCEPT'], ['-R', 'DOCKER-USER', '2', '-s', '1.2.3.4', '-j', 'ACCEPT']);
    expect(save(r.nf, 'DOCKER-USER')).toBe('-N DOCKER-USER\n-A DOCKER-USER -j ACCEPT\n-A DOCKER-USER -s 1.2.3.4/32 -j ACCEPT\n-A DOCKER-USER -j DROP\n');
    expect(r.nf.tables.filter.chains['DOCKER-USER']?.rules.every((x) => x.byUser)).toBe(true);
    expect(save(run(r.nf, ['-D', 'DOCKER-USER', '3']).nf, 'DOCKER-USER')).toBe('-N DOCKER-USER\n-A DOCKER-USER -j ACCEPT\n-A DOCKER-USER -s 1.2.3.4/32 -j ACCEPT\n');
    expect(save(run(r.nf, ['-F', 'DOCKER-USER']).nf, 'DOCKER-USER')).toBe('-N DOCKER-USER\n');
    expect(run(r.nf, ['-R', 'DOCKER-USER', '4', '-j', 'DROP']).stderr).toBe('iptables: Index of replacement too big.\n');
    expect(run(r.nf, ['-R', 'DOCKER-USER', '-j', 'DROP']).stderr).toBe(`iptables v1.8.9 (nf_tables): -R requires a rule number\n${TRY}`);
  });

  it('-N, -E moves references, -X of an empty unreferenced chain', () => {
    const r = run(base, ['-N', 'LAB'], ['-A', 'DOCKER-USER', '-j', 'LAB'], ['-E', 'LAB', 'LAB2']);
    expect(save(r.nf, 'DOCKER-USER')).toBe('-N DOCKER-USER\n-A DOCKER-USER -j LAB2\n');
    expect(run(r.nf, ['-X', 'LAB2'])).toMatchObject({ exitCode: 4, stderr: 'iptables v1.8.9 (nf_tables):  CHAIN_DEL failed (Device or resource busy): chain LAB2\n' });
    const gone = run(r.nf, ['-D', 'DOCKER-USER', '1'], ['-X', 'LAB2']);
    expect([gone.stderr, gone.exitCode]).toEqual(['', 0]);
    expect(save(gone.nf, 'LAB2')).toBe('');
    expect(run(base, ['-X', 'FORWARD']).stderr).toBe('iptables: Directory not empty.\n');
    expect(run(base, ['-E', 'NOPE', 'X']).stderr).toBe('iptables: No chain/target/match by that name.\n');
  });

  it('parameter problems', () => {
    expect(run(base, ['-A', 'INPUT', '-o', 'eth0', '-j', 'DROP']).stderr).toBe(`iptables v1.8.9 (nf_tables): Can't use -o with INPUT\n\n${TRY}`);
    expect(run(base, ['-A', 'DOCKER-USER', '!', '-j', 'DROP']).stderr).toBe(`iptables v1.8.9 (nf_tables): cannot have ! before -j\n${TRY}`);
    expect(run(base, ['-A', 'DOCKER-USER', '-m', 'conntrack', '--ctdir', 'SIDEWAYS', '-j', 'DROP']).stderr).toBe(`iptables v1.8.9 (nf_tables): conntrack: Bad value for "--ctdir" option: "SIDEWAYS"\n${TRY}`);
    expect(run(base, ['-A', 'DOCKER-USER', '-m', 'conntrack', '--ctstate', 'FOO', '-j', 'DROP']).stderr).toBe(`iptables v1.8.9 (nf_tables): Bad ctstate "FOO"\n${TRY}`);
    expect(run(base, ['-A', 'DOCKER-USER', '-m', 'iprange', '-j', 'DROP']).stderr).toBe(`iptables v1.8.9 (nf_tables): iprange match: You must specify \`--src-range' or \`--dst-range'\n${TRY}`);
    expect(run(base, ['-A', 'DOCKER-USER', '-s', '10.0.0.0/33', '-j', 'DROP']).stderr).toBe(`iptables v1.8.9 (nf_tables): invalid mask \`33' specified\n${TRY}`);
    expect(run(base, ['-A', 'DOCKER-USER', '-j', 'REJECT', '--reject-with', 'bogus']).stderr).toBe(`iptables v1.8.9 (nf_tables): unknown reject type "bogus"\n${TRY}`);
    expect(run(base, ['-D', 'DOCKER-USER', '1', '-s', '1.2.3.4']).stderr).toBe(`iptables v1.8.9 (nf_tables): Illegal option \`-s' with this command\n${TRY}`);
  });
});

describe('the packet walk evaluates hand-made rules', () => {
  const ctx = { isLocal: () => false };
  const pkt = (over: Partial<Packet>): Packet => ({ src: '192.168.1.20', dst: '172.17.0.2', proto: 'tcp', sport: 40000, dport: 80, inIface: 'eth0', outIface: 'docker0', bytes: 60, ctstate: 'NEW', ...over });
  const at = (nf: Netfilter, p: Packet) => evaluateHook(nf, 'filter', 'FORWARD', p, ctx);

  it('REJECT decides with its answer; -g returns past the caller', () => {
    const nf = run(base, ['-I', 'DOCKER-USER', '-p', 'tcp', '-j', 'REJECT', '--reject-with', 'tcp-reset']).nf;
    const r = at(nf, pkt({}));
    expect([r.verdict, r.reject, r.matched.at(-1)?.ruleText]).toEqual(['DROP', 'tcp-reset', '-A DOCKER-USER -p tcp -j REJECT --reject-with tcp-reset']);
    expect(r.nf.tables.filter.chains['DOCKER-USER']?.rules[0]?.pkts).toBe(1);
    const g = run(base, ['-N', 'EMPTY'], ['-I', 'FORWARD', '-g', 'EMPTY']).nf;
    const gr = at(g, pkt({}));
    expect(gr.policy?.policy).toBe(gr.verdict);
    expect(gr.matched.map((m) => m.chain)).toEqual(['FORWARD']);
  });

  it('iprange and conntrack --ctorigdstport/--ctdir', () => {
    const nf = run(base, ['-I', 'DOCKER-USER', '-m', 'iprange', '!', '--src-range', '192.168.1.1-192.168.1.3', '-j', 'DROP']).nf;
    expect(at(nf, pkt({})).verdict).toBe('DROP');
    expect(at(nf, pkt({ src: '192.168.1.2' })).matched.some((m) => m.chain === 'DOCKER-USER')).toBe(false);
    const ct = run(base, ['-I', 'DOCKER-USER', '-p', 'tcp', '-m', 'conntrack', '--ctorigdstport', '8080', '--ctdir', 'ORIGINAL', '-j', 'DROP']).nf;
    expect(at(ct, pkt({ origDport: 8080 })).verdict).toBe('DROP');
    expect(at(ct, pkt({ origDport: 8080, ctdir: 'REPLY', ctstate: 'ESTABLISHED' })).matched[1]?.chain).not.toBe('DOCKER-USER');
    expect(at(ct, pkt({})).matched[1]?.chain).not.toBe('DOCKER-USER');
  });
});
