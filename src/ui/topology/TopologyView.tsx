import { useEffect, useRef } from 'react';
import { createTopologyGraph, type TopologyGraph } from '../../graph/createTopologyGraph';
import { t } from '../../i18n';
import { useLab, useLabStore } from '../StoreContext';
import { bindGraph } from './bindGraph';

/** React renders the <svg> and the toolbar; D3 (src/graph) owns what is inside the <svg>. */
export function TopologyView() {
  const store = useLabStore();
  const lang = useLab((s) => s.prefs.lang);
  const svgRef = useRef<SVGSVGElement>(null);
  const graphRef = useRef<TopologyGraph | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const graph = createTopologyGraph(svg, { onSelect: (id) => store.getState().select(id) });
    graphRef.current = graph;
    const unbind = bindGraph(store, graph);
    // Refit when the panel changes size (split dragged, window resized), unless the student zoomed.
    const ro = new ResizeObserver(() => graph.resized());
    ro.observe(svg);
    return () => {
      ro.disconnect();
      unbind();
      graph.destroy();
      graphRef.current = null;
    };
  }, [store]);

  return (
    <section className="topology" aria-label={t(lang, 'topology.label')}>
      <svg ref={svgRef} className="topology-svg" data-testid="topology" role="group" aria-label={t(lang, 'topology.label')} />
      <div className="topology-tools">
        <button type="button" onClick={() => graphRef.current?.fit(true)} title={t(lang, 'topology.fit.title')} data-testid="fit">
          {t(lang, 'topology.fit')}
        </button>
      </div>
    </section>
  );
}
