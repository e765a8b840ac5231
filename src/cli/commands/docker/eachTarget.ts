import type { EngineEvent } from '../../../engine/events';
import type { World } from '../../../engine/world';
import type { CommandOutput, OutChunk } from '../../types';

/**
 * How docker's multi-target commands (stop, restart, kill, rm) report (docker/cli v28.5.2,
 * errors.Join): one target after the other on the evolving world, each success printed as typed,
 * the errors joined at the end and exit 1. An error marked `now` is printed in place and does
 * not fail the command (`rm -f` of a missing container).
 */
export type TargetResult =
  | { readonly world: World; readonly events: readonly EngineEvent[] }
  | { readonly error: string; readonly now?: boolean };

export function eachTarget(world: World, refs: readonly string[], op: (w: World, ref: string) => TargetResult): CommandOutput {
  let w = world;
  const events: EngineEvent[] = [];
  const out: OutChunk[] = [];
  const errors: string[] = [];
  for (const ref of refs) {
    const r = op(w, ref);
    if ('error' in r) {
      if (r.now) out.push({ stream: 'err', text: `${r.error}\n` });
      else errors.push(r.error);
      continue;
    }
    w = r.world;
    events.push(...r.events);
    out.push({ stream: 'out', text: `${ref}\n` });
  }
  if (errors.length) out.push({ stream: 'err', text: `${errors.join('\n')}\n` });
  return { world: w, out, exitCode: errors.length ? 1 : 0, events };
}
