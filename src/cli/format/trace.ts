import type { IfaceId, NetnsId } from '../../engine/ids';
import type { Hop } from '../../engine/packet';
import type { DropBy } from '../../engine/packet/types';
import { dropNote } from './traceNotes';
import type { World } from '../../engine/world';
import { netnsLabel } from '../net/where';

/**
 * The packet trace a student reads: each hop in the order the kernel takes it — where the packet
 * is, the routing decision, every netfilter rule it matched (table, chain, number as
 * `iptables --line-numbers` shows it, the rule as `iptables -S` prints it), NAT rewrites, bridge
 * forwarding, and the verdict. A drop names the rule that made it (table, chain, rule number)
 * or the policy, and what Docker made that rule for (traceNotes.ts).
 */
function ifName(w: World, id: IfaceId): string {
  const i = w.ifaces.get(id);
  return i ? i.name : id.split('/').pop() ?? id;
}

function at(w: World, ns: NetnsId): string {
  return `[${netnsLabel(w, ns)}]`;
}

function nsOfIface(id: IfaceId): NetnsId {
  return id.slice(0, id.lastIndexOf('/')) as NetnsId;
}

export function formatHop(w: World, h: Hop): string {
  switch (h.kind) {
    case 'send':
      return `${at(w, h.netns)} send      ${h.summary}`;
    case 'route':
      return h.result === 'ok' ? `${at(w, h.netns)} route     to ${h.dst}: ${h.route}` : `${at(w, h.netns)} route     to ${h.dst}: no route (Network is unreachable)`;
    case 'rule':
      return `${at(w, h.netns)} ${h.table.padEnd(6)} ${h.chain} #${h.num}: ${h.rule}`;
    case 'policy':
      return `${at(w, h.netns)} ${h.table.padEnd(6)} ${h.chain}: policy ${h.policy}`;
    case 'nat':
      return `${at(w, h.netns)} ${h.what.padEnd(9)} ${h.from} → ${h.to}`;
    case 'xmit':
      return `${at(w, nsOfIface(h.from))} ${h.via === 'wire' ? 'wire' : h.via === 'lo' ? 'loopback' : h.via === 'bridge' ? 'bridge' : 'veth'}${' '.repeat(Math.max(1, 10 - (h.via === 'lo' ? 8 : h.via.length)))}${ifName(w, h.from)} → ${at(w, nsOfIface(h.to))} ${ifName(w, h.to)}`;
    case 'bridge':
      return `${at(w, nsOfIface(h.bridge))} bridge    ${ifName(w, h.bridge)}: in ${ifName(w, h.inPort)}, ${h.outPort ? (h.outPort === h.bridge ? `out to ${ifName(w, h.bridge)} (the host)` : `out ${ifName(w, h.outPort)}`) : `up to the host (${ifName(w, h.bridge)} owns the address)`}`;
    case 'deliver':
      return `${at(w, h.netns)} deliver   ${h.socket}`;
    case 'drop': {
      if (!h.by) return `${at(w, h.netns)} DROP      ${h.reason}`;
      const note = dropNote(h.by);
      return `${at(w, h.netns)} DROP      by ${byText(h.by)}${note ? `: ${note}` : ''}`;
    }
    case 'reply':
      return `── reply: ${h.summary}`;
  }
}

function byText(by: DropBy): string {
  return 'policy' in by ? `${by.table} ${by.chain} policy DROP` : `${by.table} ${by.chain} rule #${by.num}`;
}

/** The outcome in one line: delivered, or where and why it stopped (the last drop of the walk). */
function verdict(w: World, p: { hops: readonly Hop[]; delivered: boolean }): string {
  if (p.delivered) return 'delivered, answer received';
  const drops = p.hops.filter((h): h is Extract<Hop, { kind: 'drop' }> => h.kind === 'drop');
  const last = drops[drops.length - 1];
  if (!last) return 'not delivered';
  const where = netnsLabel(w, last.netns);
  // A REJECT: the drop that answered, then its answer walked back and delivered to the sender.
  const r = p.hops.findIndex((h) => h.kind === 'reply' && h.reject !== undefined);
  const rej = r > 0 ? p.hops[r - 1] : undefined;
  const answer = r > 0 ? p.hops[r] : undefined;
  if (rej?.kind === 'drop' && rej.by && answer?.kind === 'reply' && p.hops.slice(r).some((h) => h.kind === 'deliver') && !p.hops.slice(r).some((h) => h.kind === 'drop')) {
    return `rejected on ${netnsLabel(w, rej.netns)} by ${byText(rej.by)}; the sender gets ${answer.reject}`;
  }
  if (last.by) return `dropped on ${where} by ${byText(last.by)}; the sender gets no answer`;
  return `not delivered (${where}: ${last.reason})`;
}

export function formatTrace(w: World, packets: readonly { hops: readonly Hop[]; delivered: boolean }[]): string {
  let s = '';
  packets.forEach((p, i) => {
    s += `\n── trace ${i + 1}/${packets.length} ${'─'.repeat(40)}\n`;
    for (const h of p.hops) s += `${formatHop(w, h)}\n`;
    s += `── verdict: ${verdict(w, p)}\n`;
  });
  return s;
}
