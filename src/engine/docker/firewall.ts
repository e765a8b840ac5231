import { HOST_NS } from '../ids';
import { diffRules } from '../netfilter/diff';
import type { FwDaemon } from '../netfilter/docker';
import type { Netfilter } from '../netfilter/types';
import type { Tx } from '../tx';
import type { World } from '../world';

/** The daemon settings the iptables code depends on. */
export function fwDaemon(w: World): FwDaemon {
  return { userlandProxy: w.docker.config.userlandProxy };
}

/** Replaces the host's netfilter state (Docker only programs the host namespace's tables). */
export function setHostNf(tx: Tx, f: (nf: Netfilter) => Netfilter): void {
  const before = tx.netns(HOST_NS).nf;
  const after = f(before);
  if (after === before) return;
  tx.updateNetns(HOST_NS, (n) => ({ ...n, nf: after }));
  for (const c of diffRules(before, after)) {
    if (c.type === 'rule-appended' || c.type === 'rule-inserted' || c.type === 'rule-deleted') {
      tx.emit({ type: c.type, netns: HOST_NS, table: c.table, chain: c.chain, rule: c.rule });
    }
  }
}
