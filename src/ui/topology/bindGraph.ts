import { toTopology, type Topology } from '../../engine/topology';
import type { World } from '../../engine/world';
import type { TopologyGraph } from '../../graph/createTopologyGraph';
import { relatedIds } from '../../graph/related';
import type { LabStore } from '../../store';

/**
 * Feeds the graph from the store outside React: React renders the <svg> once; every change of
 * the World becomes one graph.update with a fresh topology, without a React render in between.
 */
export function bindGraph(store: LabStore, graph: TopologyGraph): () => void {
  let world: World | null = null;
  let topo: Topology | null = null;
  const topology = (w: World) => {
    if (w !== world || !topo) {
      world = w;
      topo = toTopology(w);
    }
    return topo;
  };
  const select = (id: string | null, t: Topology) => {
    graph.setSelected(id);
    graph.highlight(id ? relatedIds(t, id) : []);
  };

  const s0 = store.getState();
  graph.update(topology(s0.world));
  select(s0.selection, topology(s0.world));

  return store.subscribe((s, prev) => {
    const t = topology(s.world);
    if (s.world !== prev.world) {
      graph.update(t);
      // A selection whose object is gone (docker rm) is dropped rather than left dangling.
      if (s.selection && !t.nodes.some((n) => n.id === s.selection)) s.select(null);
    }
    if (s.selection !== prev.selection || s.world !== prev.world) select(s.selection, t);
    if (s.lastPacket && s.lastPacket !== prev.lastPacket) graph.animatePacket(s.lastPacket.hops, s.lastPacket.delivered);
  });
}
