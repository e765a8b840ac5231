/**
 * The changes between two Netfilter values, as events. Docker's functions (docker.ts) return
 * just the new Netfilter; a caller that wants `rule-appended` / `rule-inserted` /
 * `rule-deleted` events diffs the before and after.
 */
import { saveRuleText } from './ruleText';
import { chainNames, getChain, TABLE_NAMES } from './tables';
import type { Netfilter, NfChange, Rule, TableName } from './types';

/** Multiset difference: the indexes of `a` not matched by an equal entry of `b`. */
function unmatched(a: readonly string[], b: readonly string[]): number[] {
  const left = new Map<string, number>();
  for (const t of b) left.set(t, (left.get(t) ?? 0) + 1);
  const out: number[] = [];
  a.forEach((t, i) => {
    const n = left.get(t) ?? 0;
    if (n > 0) left.set(t, n - 1);
    else out.push(i);
  });
  return out;
}

/**
 * Chains created, rules deleted, rules added (an added rule is "appended" when only added
 * rules follow it in its chain, else "inserted"), policies set, chains deleted; by table and
 * chain in listing order.
 */
export function diffRules(before: Netfilter, after: Netfilter): NfChange[] {
  const created: NfChange[] = [];
  const deleted: NfChange[] = [];
  const added: NfChange[] = [];
  const policies: NfChange[] = [];
  const dropped: NfChange[] = [];
  for (const table of TABLE_NAMES) {
    const names = [...chainNames(after, table), ...chainNames(before, table).filter((n) => !getChain(after, table, n))];
    for (const chain of names) {
      const b = getChain(before, table, chain);
      const a = getChain(after, table, chain);
      // Untouched chains are the same object (structural sharing): nothing to compare, which
      // keeps a command's cost independent of how many rules other containers own.
      if (a === b) continue;
      const t: TableName = table;
      if (!b) created.push({ type: 'chain-created', table: t, chain, rule: `-N ${chain}` });
      // Rules are immutable values: an unchanged rule is the same object before and after, so
      // only the rules that came or went are compared and printed.
      const br = b?.rules ?? [];
      const ar = a?.rules ?? [];
      // Docker's operations add or remove a few rules at one place: trim the common head and
      // tail by identity and compare only the window between.
      let lo = 0;
      while (lo < br.length && lo < ar.length && br[lo] === ar[lo]) lo++;
      let hb = br.length;
      let ha = ar.length;
      while (hb > lo && ha > lo && br[hb - 1] === ar[ha - 1]) {
        hb--;
        ha--;
      }
      const goneIdx: number[] = [];
      for (let i = lo; i < hb; i++) goneIdx.push(i);
      const newIdx: number[] = [];
      for (let i = lo; i < ha; i++) newIdx.push(i);
      const bt = goneIdx.map((i) => (br[i] as Rule).key);
      const at = newIdx.map((i) => (ar[i] as Rule).key);
      const prefixB = (k: string) => `-A ${chain}${k}`;
      // A rule whose counters changed is a new object with the same text: not a change.
      for (const k of unmatched(bt, at)) deleted.push({ type: 'rule-deleted', table: t, chain, rule: prefixB(bt[k] ?? '') });
      const add = unmatched(at, bt);
      const addSet = new Set(add.map((k) => newIdx[k] ?? -1));
      for (const k of add) {
        const i = newIdx[k] ?? 0;
        // Appended when every rule after it is new too (the unchanged tail lies beyond `ha`).
        let tail = ha === ar.length;
        for (let j = i + 1; j < ha && tail; j++) if (!addSet.has(j)) tail = false;
        added.push({ type: tail ? 'rule-appended' : 'rule-inserted', table: t, chain, rule: prefixB(at[k] ?? '') });
      }
      if (a && b && a.policy !== b.policy && a.policy !== null) policies.push({ type: 'policy-set', table: t, chain, rule: `-P ${chain} ${a.policy}` });
      if (!a) dropped.push({ type: 'chain-deleted', table: t, chain, rule: `-X ${chain}` });
    }
  }
  return [...created, ...deleted, ...added, ...policies, ...dropped];
}
