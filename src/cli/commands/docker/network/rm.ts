import { removeNetwork } from '../../../../engine/docker/networks';
import type { World } from '../../../../engine/world';
import type { EngineEvent } from '../../../../engine/events';
import { daemonMessage } from '../../../format/daemonErrors';
import { daemonError, exitStatusLine } from '../../../format/errors';
import type { CommandSpec, OutChunk } from '../../../types';
import { bool } from '../containerSpec';

/** docker network rm: each name as typed on success; per-network errors, then `exit status 1` (CLI 28.0.1+). */
export const dockerNetworkRm: CommandSpec = {
  path: ['docker', 'network', 'rm'],
  aliases: [['docker', 'network', 'remove']],
  usage: 'docker network rm NETWORK [NETWORK...]',
  short: 'Remove one or more networks',
  args: { min: 1 },
  flags: [{ long: 'force', short: 'f', kind: 'bool', help: 'Do not error if the network does not exist' }],
  run(ctx, flags) {
    let world: World = ctx.world;
    const out: OutChunk[] = [];
    const events: EngineEvent[] = [];
    let failed = false;
    for (const ref of flags.args) {
      const r = removeNetwork(world, ref);
      if (r.ok) {
        world = r.value.world;
        events.push(...r.value.events);
        out.push({ stream: 'out', text: `${ref}\n` });
      } else if (!(bool(flags, 'force') && r.error.code === 'network-not-found')) {
        failed = true;
        out.push({ stream: 'err', text: `${daemonError(daemonMessage(r.error))}\n` });
      }
    }
    if (failed) out.push({ stream: 'err', text: `${exitStatusLine(1)}\n` });
    return { world, events, out, exitCode: failed ? 1 : 0 };
  },
};
