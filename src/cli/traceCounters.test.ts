import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../engine/createWorld';
import type { EngineEvent } from '../engine/events';
import { HOST_NS } from '../engine/ids';
import { TABLE_NAMES, chainNames, getChain } from '../engine/netfilter/tables';
import type { World } from '../engine/world';
import { runLine } from './runLine';
import type { Shell } from './types';

/**
 * The trace goldens (transcripts/trace-*.txt) replayed line by line: after every `trace` line,
 * the host's iptables counters must have moved exactly where the trace's rule hops say (one
 * packet per hop of that table/chain/rule number, zeroed by `iptables -Z` before), and a ping's
 * or curl's own verdict must agree with the trace's.
 */
const DIR = new URL('./transcripts/', import.meta.url);
const FILES = ['trace-same-network.txt', 'trace-cross-network.txt', 'trace-published-port.txt', 'trace-internet.txt'];

type Packet = Extract<EngineEvent, { type: 'packet' }>;

function ruleCounters(w: World): Map<string, number> {
  const nf = w.netns.get(HOST_NS)?.nf;
  const out = new Map<string, number>();
  if (!nf) return out;
  for (const t of TABLE_NAMES) {
    for (const c of chainNames(nf, t)) {
      getChain(nf, t, c)?.rules.forEach((r, i) => out.set(`${t} ${c} #${i + 1}`, r.pkts));
    }
  }
  return out;
}

function hopsOnHost(packets: readonly Packet[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of packets) {
    for (const h of p.hops) {
      if (h.kind !== 'rule' || h.netns !== HOST_NS) continue;
      const k = `${h.table} ${h.chain} #${h.num}`;
      out.set(k, (out.get(k) ?? 0) + 1);
    }
  }
  return out;
}

describe('trace goldens: counters and verdicts agree with the trace', () => {
  for (const file of FILES) {
    it(file, () => {
      const text = readFileSync(new URL(file, DIR), 'utf8');
      const seed = Number(/^# seed: (\d+)/.exec(text)?.[1] ?? 1);
      const lines = text.split('\n').filter((l) => l.startsWith('$ ')).map((l) => l.slice(2));
      let world = createWorld(seed);
      let shell: Shell = { at: 'host' };
      let traced = 0;
      for (const line of lines) {
        const before = ruleCounters(world);
        const r = runLine(world, shell, line);
        world = r.world;
        shell = r.shell;
        if (!line.startsWith('trace ')) continue;
        traced++;
        const packets = r.events.filter((e): e is Packet => e.type === 'packet');
        expect(packets.length).toBeGreaterThan(0);
        // Counters: each rule moved by as many packets as the trace shows hitting it.
        const after = ruleCounters(world);
        const hits = hopsOnHost(packets);
        for (const [k, n] of after) expect({ rule: k, moved: n - (before.get(k) ?? 0) }).toEqual({ rule: k, moved: hits.get(k) ?? 0 });
        // Verdicts: the tool's own report agrees with the last (non-DNS) trace.
        const out = r.out.map((o) => o.text).join('');
        const last = packets[packets.length - 1];
        const received = /(\d+) packets received/.exec(out);
        if (received) expect(Number(received[1]) > 0).toBe(last?.delivered);
        if (line.includes(' curl ')) expect(r.exitCode === 0).toBe(last?.delivered);
      }
      expect(traced).toBeGreaterThan(0);
    });
  }
});
