/**
 * Whole-table text of `iptables -L` and `iptables -S` (iptables 1.8.9 nf_tables: nft.c
 * nft_rule_list / nft_rule_list_save, xshared.c print_header). The CLI parses argv and calls
 * these; packet traces use ruleText.ts for single rules.
 */
import { listRuleRow, printNum, SIM_NAMES, saveRuleText, type ListFormat, type NameResolver } from './ruleText';
import { chainNames, chainReferences, getChain } from './tables';
import type { Chain, Netfilter, TableName } from './types';

function padEnd(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
function padStart(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

/** print_header: the `Chain …` line and the column titles (with their trailing spaces). */
function header(nf: Netfilter, table: TableName, c: Chain, f: ListFormat): string {
  let s = `Chain ${c.name}`;
  if (c.policy !== null) {
    s += ` (policy ${c.policy}`;
    if (f.verbose) s += ` ${printNum(c.pkts, f.expanded, true)}packets, ${printNum(c.bytes, f.expanded, true)}bytes`;
    s += ')\n';
  } else {
    s += ` (${chainReferences(nf, table, c.name)} references)\n`;
  }
  if (f.lineNumbers) s += padEnd('num', 4) + ' ';
  if (f.verbose) {
    // The -x header is 8/10 wide while -x rows are 8/8: iptables' own quirk, kept.
    s += f.expanded ? padStart('pkts', 8) + ' ' + padStart('bytes', 10) + ' ' : padStart('pkts', 5) + ' ' + padStart('bytes', 5) + ' ';
  }
  s += padEnd('target', 9) + ' ';
  s += ' prot opt';
  if (f.verbose) s += ' ' + padEnd('in', 6) + ' ' + padEnd('out', 6) + ' ';
  s += ' ' + padEnd('source', 19) + ' ';
  s += ' ' + padEnd('destination', 19) + ' ';
  return s + '\n';
}

function listChain(nf: Netfilter, table: TableName, c: Chain, f: ListFormat, names: NameResolver): string {
  let s = header(nf, table, c, f);
  c.rules.forEach((r, i) => {
    s += listRuleRow(r, i + 1, f, names) + '\n';
  });
  return s;
}

/**
 * `iptables -L [chain [rulenum]]`. Chains are separated by one empty line, none after the last.
 * With a rule number only that rule's row is printed (no header), nothing if there is no such
 * rule. Returns null when the chain does not exist.
 */
export function listTable(
  nf: Netfilter,
  table: TableName,
  f: ListFormat,
  chain?: string,
  rulenum?: number,
  names: NameResolver = SIM_NAMES,
): string | null {
  if (chain !== undefined) {
    const c = getChain(nf, table, chain);
    if (!c) return null;
    if (rulenum !== undefined) {
      const r = c.rules[rulenum - 1];
      return r ? listRuleRow(r, rulenum, f, names) + '\n' : '';
    }
    return listChain(nf, table, c, f, names);
  }
  return chainNames(nf, table)
    .map((n) => {
      const c = getChain(nf, table, n);
      return c ? listChain(nf, table, c, f, names) : '';
    })
    .join('\n');
}

function chainDecl(c: Chain, counters: boolean): string {
  if (c.policy === null) return `-N ${c.name}\n`;
  return `-P ${c.name} ${c.policy}${counters ? ` -c ${c.pkts} ${c.bytes}` : ''}\n`;
}

function saveChainRules(c: Chain, counters: boolean): string {
  return c.rules.map((r) => saveRuleText(c.name, r.spec, counters ? r : undefined) + '\n').join('');
}

/**
 * `iptables -S [chain [rulenum]]`: policies and `-N` lines first, then every rule as `-A`.
 * `counters` (-v) adds `-c PKTS BYTES`. Returns null when the chain does not exist.
 */
export function saveTable(nf: Netfilter, table: TableName, counters: boolean, chain?: string, rulenum?: number): string | null {
  if (chain !== undefined) {
    const c = getChain(nf, table, chain);
    if (!c) return null;
    if (rulenum !== undefined) {
      const r = c.rules[rulenum - 1];
      return r ? saveRuleText(c.name, r.spec, counters ? r : undefined) + '\n' : '';
    }
    return chainDecl(c, counters) + saveChainRules(c, counters);
  }
  const chains = chainNames(nf, table).flatMap((n) => {
    const c = getChain(nf, table, n);
    return c ? [c] : [];
  });
  return chains.map((c) => chainDecl(c, counters)).join('') + chains.map((c) => saveChainRules(c, counters)).join('');
}
