import { useEffect, useRef, useState } from 'react';
import { createTopologyGraph, type TopologyGraph } from '../../graph/createTopologyGraph';
import type { PacketView } from '../../graph/packetPlayer';
import { t } from '../../i18n';
import { Inspector } from '../inspector/Inspector';
import { useLab, useLabStore } from '../StoreContext';
import { bindGraph } from './bindGraph';
import { PacketBar } from './PacketBar';

/** Width the inspector covers on the right of the picture (see .inspector in styles.css). */
const inspectorInset = (paneWidth: number) => Math.min(360, Math.max(260, paneWidth * 0.44)) + 24;

/**
 * React renders the two <svg> elements (the picture, and the packet layer over it), the
 * toolbars and the inspector; D3 (src/graph) owns what is inside the <svg>s.
 */
export function TopologyView() {
  const store = useLabStore();
  const lang = useLab((s) => s.prefs.lang);
  const svgRef = useRef<SVGSVGElement>(null);
  const overlayRef = useRef<SVGSVGElement>(null);
  const graphRef = useRef<TopologyGraph | null>(null);
  const [packet, setPacket] = useState<PacketView | null>(null);
  const selection = useLab((s) => s.selection);
  // Set when a node is opened with the keyboard: the inspector then takes focus.
  const focusInspector = useRef(false);

  useEffect(() => {
    const svg = svgRef.current;
    const overlay = overlayRef.current;
    if (!svg || !overlay) return;
    const graph = createTopologyGraph(
      { svg, overlay },
      {
        onSelect: (id, how) => {
          focusInspector.current = id !== null && how === 'keyboard';
          store.getState().select(id);
        },
        onPacket: setPacket,
      },
    );
    graphRef.current = graph;
    const unbind = bindGraph(store, graph);
    // Refit when the panel changes size (split dragged, window resized), unless the student zoomed.
    const ro = new ResizeObserver((entries) => {
      const r = entries[entries.length - 1]?.contentRect;
      if (r) graph.resized(r.width, r.height);
    });
    ro.observe(svg);
    return () => {
      ro.disconnect();
      unbind();
      graph.destroy();
      graphRef.current = null;
    };
  }, [store]);

  // The inspector covers the right of the picture: slide the picture so the selected object stays in sight.
  useEffect(() => {
    const w = svgRef.current?.clientWidth ?? 0;
    if (selection) graphRef.current?.reveal(selection, { right: inspectorInset(w) });
  }, [selection]);

  return (
    <section className="topology" aria-label={t(lang, 'topology.label')}>
      <svg ref={svgRef} className="topology-svg" data-testid="topology" role="group" aria-label={t(lang, 'topology.label')} />
      <svg ref={overlayRef} className="packet-overlay" data-testid="packet-layer" aria-hidden="true" />
      <div className="topology-tools">
        <button type="button" onClick={() => graphRef.current?.fit(true)} title={t(lang, 'topology.fit.title')} data-testid="fit">
          {t(lang, 'topology.fit')}
        </button>
        <button type="button" onClick={() => graphRef.current?.tidy()} title={t(lang, 'topology.tidy.title')} data-testid="tidy">
          {t(lang, 'topology.tidy')}
        </button>
      </div>
      {packet && <PacketBar view={packet} lang={lang} graph={graphRef} />}
      <Inspector focusOnOpen={focusInspector} />
    </section>
  );
}
