import type { Selection } from 'd3-selection';
import 'd3-transition';
import type { Hop } from '../engine/packet/types';
import type { Layout, Rect } from './geometry';

export interface Point {
  readonly x: number;
  readonly y: number;
}

const mid = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

/**
 * The places a packet visits, in order, as points on the drawing: the interfaces it crosses,
 * the bridges it is switched through, the namespace that sends or delivers it. Hops that happen
 * inside one namespace (route lookups, rules, NAT) add no movement.
 */
export function packetPath(hops: readonly Hop[], layout: Layout): Point[] {
  const at = new Map<string, Rect>();
  for (const n of layout.nodes) at.set(n.id, n);
  const pts: Point[] = [];
  const push = (id: string | null | undefined) => {
    const r = id ? at.get(id) : undefined;
    if (!r) return;
    const p = mid(r);
    const last = pts[pts.length - 1];
    if (!last || Math.abs(last.x - p.x) > 0.5 || Math.abs(last.y - p.y) > 0.5) pts.push(p);
  };
  for (const h of hops) {
    switch (h.kind) {
      case 'send':
        push(h.netns);
        break;
      case 'route':
        push(h.dev);
        break;
      case 'xmit':
        push(h.from);
        push(h.to);
        break;
      case 'bridge': {
        // Along the bar from the port it came in on to the one it leaves by.
        const bar = at.get(h.bridge);
        const inP = at.get(h.inPort);
        const outP = h.outPort ? at.get(h.outPort) : undefined;
        if (bar && inP) pts.push({ x: mid(inP).x, y: mid(bar).y });
        if (bar && outP) pts.push({ x: mid(outP).x, y: mid(bar).y });
        push(h.outPort);
        break;
      }
      case 'deliver':
        push(h.iface ?? h.netns);
        break;
      case 'drop':
        push(h.netns);
        break;
      default:
        break;
    }
  }
  return pts;
}

/** A dot travelling the path; green when delivered, red when dropped at the end. */
export function animateAlong(layer: Selection<SVGGElement, unknown, null, undefined>, pts: readonly Point[], delivered: boolean): void {
  layer.selectAll('*').interrupt().remove();
  const d = `M${pts.map((p) => `${p.x},${p.y}`).join('L')}`;
  const trail = layer.append('path').attr('class', 'packet-trail').attr('d', d);
  const path = trail.node();
  if (!path) return;
  const total = path.getTotalLength();
  const dot = layer.append('circle').attr('class', 'packet-dot').attr('r', 7).attr('cx', pts[0]?.x ?? 0).attr('cy', pts[0]?.y ?? 0);
  const ms = Math.min(3000, Math.max(900, total * 2.2));
  dot
    .transition('packet')
    .duration(ms)
    .ease((t) => t) // linear: a packet does not accelerate
    .attrTween('cx', () => (t) => String(path.getPointAtLength(t * total).x))
    .attrTween('cy', () => (t) => String(path.getPointAtLength(t * total).y))
    .on('end', () => {
      dot.classed(delivered ? 'delivered' : 'dropped', true);
      dot.transition('fade').delay(900).duration(500).style('opacity', 0).remove();
      trail.transition('fade').delay(900).duration(500).style('opacity', 0).remove();
    });
}
