import { removeNetwork } from '../../../../engine/docker/networks';
import { isPredefined } from '../../../../engine/docker/lookup';
import type { World } from '../../../../engine/world';
import type { EngineEvent } from '../../../../engine/events';
import type { CommandSpec } from '../../../types';
import { bool } from '../containerSpec';

const WARNING = 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ';

/**
 * docker network prune: removes every user-defined network without endpoints. Without -f the CLI
 * asks first; the console keeps the question open and the next line answers it.
 */
export const dockerNetworkPrune: CommandSpec = {
  path: ['docker', 'network', 'prune'],
  usage: 'docker network prune [OPTIONS]',
  short: 'Remove all unused networks',
  args: { min: 0, max: 0 },
  flags: [
    { long: 'filter', kind: 'list', valueName: 'filter', help: 'Provide filter values (e.g. "until=<timestamp>")' },
    { long: 'force', short: 'f', kind: 'bool', help: 'Do not prompt for confirmation' },
  ],
  run(ctx, flags) {
    if (!bool(flags, 'force') && ctx.shell.at === 'host') {
      return { out: [{ stream: 'out', text: WARNING }], exitCode: 0, shell: { at: 'host', confirm: ['docker', 'network', 'prune', '--force'] } };
    }
    let world: World = ctx.world;
    const events: EngineEvent[] = [];
    const removed: string[] = [];
    const names = [...world.docker.networks.values()].filter((n) => !isPredefined(n) && n.endpoints.length === 0).map((n) => n.name).sort();
    for (const name of names) {
      const r = removeNetwork(world, name);
      if (r.ok) {
        world = r.value.world;
        events.push(...r.value.events);
        removed.push(name);
      }
    }
    const text = removed.length ? `Deleted Networks:\n${removed.map((n) => `${n}\n`).join('')}` : '';
    return { world, events, out: text ? [{ stream: 'out', text }] : [], exitCode: 0 };
  },
};
