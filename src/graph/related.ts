import type { Topology } from '../engine/topology';

/**
 * What to light up with a selected node, so the student sees what belongs together: a
 * container's interfaces, the host ends of its veth pairs, its bridge ports, its published
 * ports, and the wires between them.
 */
export function relatedIds(topo: Topology, id: string): string[] {
  const byId = new Map(topo.nodes.map((n) => [n.id, n]));
  const node = byId.get(id);
  if (!node) return [];
  const set = new Set<string>([id]);
  if (node.kind === 'container' && node.parent && byId.get(node.parent)?.kind === 'netns') {
    for (const n of topo.nodes) if (n.parent === node.parent && n.kind !== 'container') set.add(n.id);
  }
  if (node.kind === 'netns') for (const n of topo.nodes) if (n.parent === id) set.add(n.id);
  if (node.kind === 'network' && node.parent) set.add(node.parent);
  if (node.kind === 'bridge') for (const n of topo.nodes) if (n.details.master === id) set.add(n.id);
  // Follow wires one step out: veth peers, bridge ports, NAT'd ports, shared namespaces.
  for (const l of topo.links) {
    if (set.has(l.source) || set.has(l.target)) {
      if (l.kind === 'lan' || l.kind === 'wan') continue;
      set.add(l.id);
      set.add(l.source);
      set.add(l.target);
    }
  }
  return [...set];
}
