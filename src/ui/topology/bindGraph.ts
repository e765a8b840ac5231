import { toTopology, type Topology } from '../../engine/topology';
import type { World } from '../../engine/world';
import type { TopologyGraph } from '../../graph/createTopologyGraph';
import { relatedIds } from '../../graph/related';
import type { LabStore } from '../../store';

export const PICTURE_MARK = 'dnl:picture-updated';

/**
 * Feeds the graph from the store outside React: React renders the <svg> once; every change of
 * the World becomes one graph.update with a fresh topology, without a React render in between.
 */
export function bindGraph(store: LabStore, graph: TopologyGraph): () => void {
  let world: World | null = null;
  let topo: Topology | null = null;
  // Every line makes a new World (the clock moves), but most leave the picture as it was: a
  // topology of the same objects as the last one is kept, and the graph is not updated for it.
  const topology = (w: World) => {
    if (w !== world || !topo) {
      world = w;
      const next = toTopology(w);
      if (!topo || !sameTopology(topo, next)) topo = next;
    }
    return topo;
  };
  // Without a selection, an open lesson's focus is what lights up.
  const select = (id: string | null, t: Topology, focus: ((t: Topology) => readonly string[]) | null) => {
    graph.setSelected(id);
    graph.highlight(id ? relatedIds(t, id) : focus ? focus(t) : []);
  };

  // The first picture waits for the first frame (the console's prompt) to be painted: a big saved
  // lab takes a while to draw, and the student can start typing meanwhile.
  let drawn = false;
  const first = () => {
    if (drawn) return;
    drawn = true;
    const s0 = store.getState();
    graph.update(topology(s0.world));
    select(s0.selection, topology(s0.world), s0.focus);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(first, 0);
  });

  const unsubscribe = store.subscribe((s, prev) => {
    if (!drawn) return first();
    const before = topo;
    const t = topology(s.world);
    if (s.world !== prev.world) {
      if (t !== before) graph.update(t);
      // For `npm run bench`: when the picture caught up with the World (a User Timing mark, no global).
      performance.clearMarks(PICTURE_MARK);
      performance.mark(PICTURE_MARK);
      // A selection whose object is gone (docker rm) is dropped rather than left dangling.
      if (s.selection && !t.nodes.some((n) => n.id === s.selection)) s.select(null);
    }
    if (s.selection !== prev.selection || t !== before || s.focus !== prev.focus) select(s.selection, t, s.focus);
    if (s.lastPacket && s.lastPacket !== prev.lastPacket) graph.animatePacket(s.lastPacket.hops, s.lastPacket.delivered);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    unsubscribe();
  };
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
/** toTopology re-uses the objects of unchanged records, so an unchanged picture is the same objects in the same order. */
const sameTopology = (a: Topology, b: Topology) => sameList(a.nodes, b.nodes) && sameList(a.links, b.links);
