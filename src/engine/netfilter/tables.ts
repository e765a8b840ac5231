/**
 * Generic netfilter operations, immutable: each returns `{ nf, change }`, a new Netfilter that
 * shares the untouched tables and chains, and the change as an event text (`-A DOCKER …`). They are strict, like the kernel: appending to a missing chain,
 * creating a chain twice or deleting a rule that is not there is a bug in the caller and
 * throws (check with getChain / ruleExists first; Docker's own calls are idempotent, see
 * docker.ts).
 */
import { saveArgs, saveRuleText } from './ruleText';
import type { Chain, Netfilter, NfChange, NfOpResult, Rule, RuleSpec, Table, TableName } from './types';

export const TABLE_NAMES: readonly TableName[] = ['raw', 'mangle', 'nat', 'filter'];

/** Built-in chains per table, in hook order (the order iptables lists them). */
export const BUILTIN_CHAINS: Readonly<Record<TableName, readonly string[]>> = {
  raw: ['PREROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
};

function emptyChain(name: string, policy: Chain['policy']): Chain {
  return { name, policy, pkts: 0, bytes: 0, rules: [] };
}

function builtinTable(t: TableName): Table {
  const chains: Record<string, Chain> = {};
  for (const c of BUILTIN_CHAINS[t]) chains[c] = emptyChain(c, 'ACCEPT');
  return { chains };
}

export function emptyNetfilter(): Netfilter {
  return {
    tables: { raw: builtinTable('raw'), mangle: builtinTable('mangle'), nat: builtinTable('nat'), filter: builtinTable('filter') },
  };
}

export function isBuiltinChain(table: TableName, chain: string): boolean {
  return BUILTIN_CHAINS[table].includes(chain);
}

export function getChain(nf: Netfilter, table: TableName, chain: string): Chain | undefined {
  return Object.prototype.hasOwnProperty.call(nf.tables[table].chains, chain) ? nf.tables[table].chains[chain] : undefined;
}

function mustChain(nf: Netfilter, table: TableName, chain: string): Chain {
  const c = getChain(nf, table, chain);
  if (!c) throw new Error(`bug: no chain ${chain} in table ${table}`);
  return c;
}

/**
 * Chain names in listing order: built-ins in hook order, then user chains sorted by name
 * (iptables-nft's nft_cache_sort_chains uses strcmp, so plain code-unit order).
 */
export function chainNames(nf: Netfilter, table: TableName): string[] {
  const builtins = BUILTIN_CHAINS[table];
  const user = Object.keys(nf.tables[table].chains)
    .filter((c) => !builtins.includes(c))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...builtins.filter((c) => getChain(nf, table, c) !== undefined), ...user];
}

/** Replace one chain (the building block of every op, also used to bump counters). */
export function putChain(nf: Netfilter, table: TableName, chain: Chain): Netfilter {
  const t = nf.tables[table];
  return { tables: { ...nf.tables, [table]: { chains: { ...t.chains, [chain.name]: chain } } } };
}

export function updateChain(nf: Netfilter, table: TableName, chain: string, f: (c: Chain) => Chain): Netfilter {
  return putChain(nf, table, f(mustChain(nf, table, chain)));
}

/** Rules equal as iptables compares them for -D / -C: the same `-S` text. */
export function specEquals(a: RuleSpec, b: RuleSpec): boolean {
  return saveArgs(a) === saveArgs(b);
}

export function ruleIndex(nf: Netfilter, table: TableName, chain: string, spec: RuleSpec): number {
  const c = getChain(nf, table, chain);
  if (!c) return -1;
  const key = saveArgs(spec);
  return c.rules.findIndex((r) => r.key === key);
}

export function ruleExists(nf: Netfilter, table: TableName, chain: string, spec: RuleSpec): boolean {
  return ruleIndex(nf, table, chain, spec) >= 0;
}

/** Number of rules in the table that jump to `chain` (the `(N references)` of -L). */
export function chainReferences(nf: Netfilter, table: TableName, chain: string): number {
  let n = 0;
  for (const c of Object.values(nf.tables[table].chains)) {
    for (const r of c.rules) if (r.spec.target.t === 'JUMP' && r.spec.target.chain === chain) n++;
  }
  return n;
}

/** iptables -N */
export function newChain(nf: Netfilter, table: TableName, chain: string): NfOpResult {
  if (getChain(nf, table, chain)) throw new Error(`bug: chain ${chain} already exists in ${table}`);
  return { nf: putChain(nf, table, emptyChain(chain, null)), change: { type: 'chain-created', table, chain, rule: `-N ${chain}` } };
}

/** iptables -X: a user chain, empty and not referenced. */
export function deleteChain(nf: Netfilter, table: TableName, chain: string): NfOpResult {
  const c = mustChain(nf, table, chain);
  if (c.policy !== null || c.rules.length > 0 || chainReferences(nf, table, chain) > 0) {
    throw new Error(`bug: cannot delete chain ${chain} in ${table}`);
  }
  const chains = { ...nf.tables[table].chains };
  delete chains[chain];
  return { nf: { tables: { ...nf.tables, [table]: { chains } } }, change: { type: 'chain-deleted', table, chain, rule: `-X ${chain}` } };
}

function checkTarget(nf: Netfilter, table: TableName, spec: RuleSpec): void {
  if (spec.target.t === 'JUMP') mustChain(nf, table, spec.target.chain);
}

const fresh = (spec: RuleSpec, byUser?: boolean): Rule => ({ spec, key: saveArgs(spec), pkts: 0, bytes: 0, ...(byUser ? { byUser: true as const } : {}) });

/** The event for a rule change: the rule's `-S` line. */
export function ruleChange(type: 'rule-appended' | 'rule-inserted' | 'rule-deleted', table: TableName, chain: string, spec: RuleSpec): NfChange {
  return { type, table, chain, rule: saveRuleText(chain, spec) };
}

/** iptables -A */
export function appendRule(nf: Netfilter, table: TableName, chain: string, spec: RuleSpec, byUser?: boolean): NfOpResult {
  checkTarget(nf, table, spec);
  return {
    nf: updateChain(nf, table, chain, (c) => ({ ...c, rules: [...c.rules, fresh(spec, byUser)] })),
    change: ruleChange('rule-appended', table, chain, spec),
  };
}

/** iptables -I CHAIN [position], 1-based; position may be one past the end. */
export function insertRule(nf: Netfilter, table: TableName, chain: string, spec: RuleSpec, position = 1, byUser?: boolean): NfOpResult {
  checkTarget(nf, table, spec);
  const out = updateChain(nf, table, chain, (c) => {
    if (position < 1 || position > c.rules.length + 1) throw new Error(`bug: index of insertion too big (${position})`);
    const rules = [...c.rules];
    rules.splice(position - 1, 0, fresh(spec, byUser));
    return { ...c, rules };
  });
  return { nf: out, change: ruleChange('rule-inserted', table, chain, spec) };
}

/** iptables -D CHAIN rule-spec: deletes the first equal rule. */
export function deleteRule(nf: Netfilter, table: TableName, chain: string, spec: RuleSpec): NfOpResult {
  const i = ruleIndex(nf, table, chain, spec);
  if (i < 0) throw new Error(`bug: no rule "${saveRuleText(chain, spec)}" in ${table}`);
  return {
    nf: updateChain(nf, table, chain, (c) => ({ ...c, rules: c.rules.filter((_, j) => j !== i) })),
    change: ruleChange('rule-deleted', table, chain, spec),
  };
}

/** iptables -P (built-in chains only). */
export function setPolicy(nf: Netfilter, table: TableName, chain: string, policy: 'ACCEPT' | 'DROP'): NfOpResult {
  const out = updateChain(nf, table, chain, (c) => {
    if (c.policy === null) throw new Error(`bug: ${chain} is not a built-in chain`);
    return { ...c, policy };
  });
  return { nf: out, change: { type: 'policy-set', table, chain, rule: `-P ${chain} ${policy}` } };
}

/** iptables -Z [chain]: zero the rules' counters and, for built-in chains, the policy's. */
export function zeroCounters(nf: Netfilter, table: TableName, chain?: string): Netfilter {
  let out = nf;
  for (const name of chain === undefined ? chainNames(nf, table) : [chain]) {
    out = updateChain(out, table, name, (c) => ({ ...c, pkts: 0, bytes: 0, rules: c.rules.map((r) => ({ ...r, pkts: 0, bytes: 0 })) }));
  }
  return out;
}

/*
 * The editors `iptables` offers by hand (-R, -D NUM, -F, -E). They return the new Netfilter;
 * diff.ts gives the events. Strict like the others: the CLI checks and words the errors first.
 */

/** iptables -R CHAIN NUM: the rule at 1-based `position` replaced, its counters reset. */
export function replaceRule(nf: Netfilter, table: TableName, chain: string, position: number, spec: RuleSpec, byUser?: boolean): Netfilter {
  checkTarget(nf, table, spec);
  return updateChain(nf, table, chain, (c) => {
    if (position < 1 || position > c.rules.length) throw new Error(`bug: index of replacement too big (${position})`);
    return { ...c, rules: c.rules.map((r, i) => (i === position - 1 ? fresh(spec, byUser) : r)) };
  });
}

/** iptables -D CHAIN NUM (1-based). */
export function deleteRuleAt(nf: Netfilter, table: TableName, chain: string, position: number): Netfilter {
  return updateChain(nf, table, chain, (c) => {
    if (position < 1 || position > c.rules.length) throw new Error(`bug: index of deletion too big (${position})`);
    return { ...c, rules: c.rules.filter((_, i) => i !== position - 1) };
  });
}

/** iptables -F CHAIN: every rule gone; the chain, its policy and policy counters stay. */
export function flushChain(nf: Netfilter, table: TableName, chain: string): Netfilter {
  return updateChain(nf, table, chain, (c) => (c.rules.length === 0 ? c : { ...c, rules: [] }));
}

/** iptables -E OLD NEW: a user chain renamed, and every jump to it with it ("moving any references"). */
export function renameChain(nf: Netfilter, table: TableName, from: string, to: string): Netfilter {
  const c = mustChain(nf, table, from);
  if (c.policy !== null || getChain(nf, table, to)) throw new Error(`bug: cannot rename ${from} to ${to} in ${table}`);
  const chains: Record<string, Chain> = {};
  for (const [name, ch] of Object.entries(nf.tables[table].chains)) {
    const rules = ch.rules.some((r) => r.spec.target.t === 'JUMP' && r.spec.target.chain === from)
      ? ch.rules.map((r) => {
          const t = r.spec.target;
          if (t.t !== 'JUMP' || t.chain !== from) return r;
          const spec: RuleSpec = { ...r.spec, target: { ...t, chain: to } };
          return { ...r, spec, key: saveArgs(spec) };
        })
      : ch.rules;
    const moved = rules === ch.rules ? ch : { ...ch, rules };
    if (name === from) chains[to] = { ...moved, name: to };
    else chains[name] = moved;
  }
  return { tables: { ...nf.tables, [table]: { chains } } };
}
