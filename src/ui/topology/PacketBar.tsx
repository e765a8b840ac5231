import type { RefObject } from 'react';
import type { TopologyGraph } from '../../graph/createTopologyGraph';
import type { PacketView } from '../../graph/packetPlayer';
import { t, type Lang } from '../../i18n';

/**
 * The controls of the packet animation: replay at normal speed or slowly, step through it, and
 * the caption of the step shown (what happened to the packet there). The caption is a live
 * region so a screen reader follows the journey.
 */
export function PacketBar({ view, lang, graph }: { view: PacketView; lang: Lang; graph: RefObject<TopologyGraph | null> }) {
  const g = () => graph.current;
  const s = view.step;
  const outcome = view.index === view.total - 1 && !view.playing ? (view.delivered ? t(lang, 'packet.delivered') : t(lang, 'packet.dropped')) : null;
  return (
    <div className={`packet-bar${s ? ` phase-${s.phase} kind-${s.kind}` : ''}`} data-testid="packet-bar" role="region" aria-label={t(lang, 'packet.label')}>
      <div className="packet-buttons">
        <button type="button" onClick={() => g()?.replayPacket('normal')} data-testid="packet-replay" title={t(lang, 'packet.replay.title')}>
          ▶ {t(lang, 'packet.replay')}
        </button>
        <button type="button" onClick={() => g()?.replayPacket('slow')} data-testid="packet-slow" title={t(lang, 'packet.slow.title')} aria-pressed={view.playing && view.speed === 'slow'}>
          {t(lang, 'packet.slow')} ¼×
        </button>
        <button type="button" onClick={() => g()?.stepPacket(-1)} disabled={view.index <= 0} data-testid="packet-prev" aria-label={t(lang, 'packet.prev')} title={t(lang, 'packet.prev')}>
          ◀
        </button>
        <button type="button" onClick={() => g()?.stepPacket(1)} disabled={view.index >= view.total - 1} data-testid="packet-next" aria-label={t(lang, 'packet.next')} title={t(lang, 'packet.next')}>
          ▶|
        </button>
      </div>
      <div className="packet-caption" aria-live="polite" data-testid="packet-caption">
        <span className="packet-count">
          {view.index + 1}/{view.total}
        </span>{' '}
        <span className="packet-text" data-step-kind={s?.kind} data-step-node={s?.node ?? ''}>
          {s?.text ?? ''}
        </span>
        {outcome && <span className={`packet-outcome ${view.delivered ? 'ok' : 'lost'}`}> · {outcome}</span>}
      </div>
      <button type="button" className="icon-button" onClick={() => g()?.clearPacket()} aria-label={t(lang, 'packet.close')} title={t(lang, 'packet.close')} data-testid="packet-close">
        ×
      </button>
    </div>
  );
}
