import type { Topology } from '../engine/topology';
import type { NodeSelector } from './types';

/**
 * Node ids of the topology a lesson talks about, and the wires between them. Recomputed from
 * each new topology (ids of veths and containers change as the student works).
 */
export function focusIds(topo: Topology, selectors: readonly NodeSelector[]): string[] {
  const ids = new Set<string>();
  for (const n of topo.nodes) {
    if (selectors.some((s) => s.kind === n.kind && (s.name === undefined || s.name === n.name) && (s.parent === undefined || s.parent === n.parent))) ids.add(n.id);
  }
  for (const l of topo.links) if (ids.has(l.source) && ids.has(l.target)) ids.add(l.id);
  return [...ids];
}

/**
 * `[text](kind:name@parent)` in a lesson's explanation: the selector after the parenthesis.
 * 'bridge:docker0' → docker0; 'veth' → every veth; 'interface:eth0@host' → eth0 of the host.
 */
export function parseSelector(ref: string): NodeSelector | null {
  const m = /^([a-z]+)(?::([^@]+))?(?:@(.+))?$/.exec(ref.trim());
  if (!m?.[1]) return null;
  const kinds = ['host', 'netns', 'container', 'interface', 'bridge', 'veth', 'port', 'network', 'router', 'machine', 'internet'] as const;
  const kind = kinds.find((k) => k === m[1]);
  if (!kind) return null;
  return { kind, ...(m[2] ? { name: m[2] } : {}), ...(m[3] ? { parent: m[3] } : {}) };
}
