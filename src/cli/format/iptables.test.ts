import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../engine/netfilter/transcripts.testutil';
import { emptyNetfilter } from '../../engine/netfilter/tables';
import { listRuleRow, nvlRuleRow, runIptables, saveRuleText } from './iptables';

const nf = SCENARIOS['usernet-portmap']?.() ?? emptyNetfilter();
const out = (...argv: string[]): string => {
  const r = runIptables(argv, nf);
  expect([r.stderr, r.exitCode]).toEqual(['', 0]);
  return r.stdout;
};
const err = (...argv: string[]): [string, number] => {
  const r = runIptables(argv, nf);
  expect(r.stdout).toBe('');
  return [r.stderr, r.exitCode];
};
const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";

describe('iptables listing options', () => {
  it('combined short flags and long options give the same listing', () => {
    const a = out('-t', 'nat', '-nvL');
    expect(out('-vnL', '-t', 'nat')).toBe(a);
    expect(out('-tnat', '-n', '-v', '-L')).toBe(a);
    expect(out('--table=nat', '--numeric', '--verbose', '--list')).toBe(a);
    expect(out('iptables', '-t', 'nat', '-nvL')).toBe(a);
    expect(out('-nL', '--line-numbers')).toBe(out('-n', '--line-numbers', '-L'));
    expect(out('-S')).toBe(out('--list-rules', '-t', 'filter'));
  });

  it('-L CHAIN, -nL with line numbers (no counters, no interfaces)', () => {
    expect(out('-nL', 'DOCKER', '--line-numbers')).toBe(
      'Chain DOCKER (2 references)\n' +
        'num  target     prot opt source               destination         \n' +
        '1    ACCEPT     6    --  0.0.0.0/0            192.0.2.2            tcp dpt:80\n' +
        '2    DROP       0    --  0.0.0.0/0            0.0.0.0/0           \n' +
        '3    DROP       0    --  0.0.0.0/0            0.0.0.0/0           \n',
    );
  });

  it('-L without -n resolves names from the simulated host files', () => {
    expect(out('-t', 'nat', '-L', 'OUTPUT')).toBe(
      'Chain OUTPUT (policy ACCEPT)\n' +
        'target     prot opt source               destination         \n' +
        'DOCKER     all  --  anywhere            !loopback/8           ADDRTYPE match dst-type LOCAL\n',
    );
    expect(out('-t', 'nat', '-L', 'DOCKER', '3')).toBe('DNAT       tcp  --  anywhere             anywhere             tcp dpt:http-alt to:192.0.2.2:80\n');
  });

  it('-x prints exact counters with the wider header', () => {
    expect(out('-t', 'raw', '-vxnL', 'PREROUTING')).toBe(
      'Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)\n' +
        '    pkts      bytes target     prot opt in     out     source               destination         \n' +
        '       0        0 DROP       0    --  !bridge1 *       0.0.0.0/0            192.0.2.2           \n',
    );
  });

  it('-S CHAIN, -S CHAIN RULENUM, -S -v with counters', () => {
    expect(out('-t', 'nat', '-S', 'DOCKER')).toBe(
      '-N DOCKER\n-A DOCKER -i bridge1 -j RETURN\n-A DOCKER -i docker0 -j RETURN\n' +
        '-A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80\n',
    );
    expect(out('-t', 'nat', '-S', 'DOCKER', '2')).toBe('-A DOCKER -i docker0 -j RETURN\n');
    expect(out('-t', 'nat', '-S', 'DOCKER', '9')).toBe('');
    expect(out('-v', '-S', 'FORWARD')).toBe('-P FORWARD ACCEPT -c 0 0\n-A FORWARD -c 0 0 -j DOCKER-USER\n-A FORWARD -c 0 0 -j DOCKER-FORWARD\n');
  });

  it('the mangle and security tables list their empty built-ins', () => {
    expect(out('-t', 'mangle', '-S')).toBe('-P PREROUTING ACCEPT\n-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n-P POSTROUTING ACCEPT\n');
    expect(out('-t', 'security', '-S')).toBe('-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n');
  });

  it('-h and -V', () => {
    const h = out('-h');
    expect(h.startsWith('iptables v1.8.9 (nf_tables)\n\nUsage: iptables -[ACD] chain rule-specification [options]\n')).toBe(true);
    expect(h.endsWith('[!] --version\t-V\t\tprint package version.\n')).toBe(true);
    expect(out('--help')).toBe(h);
    expect(out('-V')).toBe('iptables v1.8.9 (nf_tables)\n');
  });
});

describe('iptables errors, in its own words', () => {
  it('missing chain', () => {
    expect(err('-L', 'NOPE')).toEqual(['iptables: No chain/target/match by that name.\n', 1]);
    expect(err('-t', 'raw', '-S', 'DOCKER')).toEqual(['iptables: No chain/target/match by that name.\n', 1]);
    // -Ln is "-L" with chain "n", as getopt parses it.
    expect(err('-Ln')).toEqual(['iptables: No chain/target/match by that name.\n', 1]);
  });

  it('unknown table', () => {
    expect(err('-t', 'foo', '-L')).toEqual(["iptables v1.8.9 (nf_tables): table 'foo' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n", 3]);
  });

  it('parameter problems add the "Try" line and exit 2', () => {
    expect(err()).toEqual([`iptables v1.8.9 (nf_tables): no command specified\n${TRY}`, 2]);
    expect(err('-nS')).toEqual([`iptables v1.8.9 (nf_tables): Illegal option \`-n' with this command\n${TRY}`, 2]);
    expect(err('-S', '--line-numbers')).toEqual([`iptables v1.8.9 (nf_tables): Illegal option \`-0' with this command\n${TRY}`, 2]);
    expect(err('-L', '-p', 'tcp')).toEqual([`iptables v1.8.9 (nf_tables): Illegal option \`-p' with this command\n${TRY}`, 2]);
    expect(err('-L', '-S')).toEqual([`iptables v1.8.9 (nf_tables): Cannot use -S with -L\n${TRY}`, 2]);
    expect(err('-n', '-n', '-L')).toEqual([`iptables v1.8.9 (nf_tables): multiple -n flags not allowed\n${TRY}`, 2]);
    expect(err('-L', 'INPUT', 'x')).toEqual([`iptables v1.8.9 (nf_tables): Invalid rule number \`x'\n${TRY}`, 2]);
    expect(err('--foo', '-L')).toEqual([`iptables v1.8.9 (nf_tables): unknown option "--foo"\n${TRY}`, 2]);
    expect(err('-L', '-t')).toEqual([`iptables v1.8.9 (nf_tables): option "-t" requires an argument\n${TRY}`, 2]);
    expect(err('-L', '-y')).toEqual([`iptables v1.8.9 (nf_tables): unknown option "-y"\n${TRY}`, 2]);
    expect(err('list')).toEqual([`Bad argument \`list'\n${TRY}`, 2]);
  });

  it('extensions the lab does not model say so instead of pretending', () => {
    const [text, code] = err('-A', 'INPUT', '-m', 'state', '--state', 'NEW', '-j', 'ACCEPT');
    expect(text).toBe('iptables: -m state is not simulated in this lab.\n');
    expect(code).toBe(1);
  });
});

describe('single-rule texts for packet traces', () => {
  const rule = nf.tables.nat.chains['DOCKER']?.rules[2];
  it('-S form and -nvL row', () => {
    expect(rule && saveRuleText('DOCKER', rule.spec)).toBe('-A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80');
    expect(rule && nvlRuleRow(rule, 3)).toBe('3        0     0 DNAT       6    --  !bridge1 *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:192.0.2.2:80');
    expect(rule && listRuleRow(rule, 3, { numeric: false, verbose: false, expanded: false, lineNumbers: false })).toBe(
      'DNAT       tcp  --  anywhere             anywhere             tcp dpt:http-alt to:192.0.2.2:80',
    );
  });
});

describe('iptables -P and -Z change the tables', () => {
  it('-P sets a built-in chain policy; other chains and policies are refused as iptables-nft words it', () => {
    const r = runIptables(['-P', 'FORWARD', 'DROP'], nf);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', '', 0]);
    expect(r.nf?.tables.filter.chains['FORWARD']?.policy).toBe('DROP');
    expect(err('-P', 'DOCKER', 'ACCEPT')).toEqual(['iptables: Bad built-in chain name.\n', 1]);
    expect(err('-t', 'nat', '-P', 'FORWARD', 'ACCEPT')).toEqual(['iptables: Bad built-in chain name.\n', 1]);
    expect(err('-P', 'FORWARD', 'REJECT')).toEqual(["iptables: Bad policy name. Run `dmesg' for more information.\n", 1]);
    expect(err('-P', 'FORWARD')).toEqual([`iptables v1.8.9 (nf_tables): -P requires a chain and a policy\n${TRY}`, 2]);
    expect(err('-P', 'FORWARD', 'ACCEPT', '-n')).toEqual([`iptables v1.8.9 (nf_tables): Illegal option \`-n' with this command\n${TRY}`, 2]);
  });
  it('-Z zeroes rule and policy counters, of one chain or all; with -L it lists first', () => {
    const hit = runIptables(['-P', 'INPUT', 'ACCEPT'], nf).nf ?? nf;
    const counted = { ...hit, tables: { ...hit.tables, filter: { chains: { ...hit.tables.filter.chains, INPUT: { ...hit.tables.filter.chains['INPUT'], name: 'INPUT', policy: 'ACCEPT' as const, pkts: 3, bytes: 180, rules: [] } } } } };
    const z = runIptables(['-Z', 'INPUT'], counted);
    expect(z.nf?.tables.filter.chains['INPUT']?.pkts).toBe(0);
    const lz = runIptables(['-L', 'INPUT', '-Z', '-v'], counted);
    expect(lz.stdout).toContain('policy ACCEPT 3 packets, 180 bytes');
    expect(lz.nf?.tables.filter.chains['INPUT']?.bytes).toBe(0);
    expect(err('-Z', 'NOPE')).toEqual(['iptables: No chain/target/match by that name.\n', 1]);
  });
});
