import type { CommandOutput, CommandSpec, OutChunk } from '../../types';
import { withRunHelp } from '../../format/errors';
import { CONTAINER_FLAGS, CREATE_ONLY_FLAGS, sortFlags } from './containerFlags';
import { bool, list, str, toCreateSpec } from './containerSpec';
import { createWithPull } from './createFlow';

/** opts.ConvertKVStringsToMap: `k=v` → k: v, a bare `k` → k: "" (the last one wins). */
export function labelMap(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0) out[v] = '';
    else out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}

/**
 * docker create (docker/cli v28.5.2 cli/command/container/create.go): run's create half. The
 * image is pulled when missing (progress on stderr), the warnings follow, and the new container's
 * full ID is printed. Errors are wrapped by `withHelp(err, "create")`, exit 125.
 */
export const dockerCreate: CommandSpec = {
  path: ['docker', 'create'],
  aliases: [['docker', 'container', 'create']],
  usage: 'docker create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new container',
  flags: sortFlags([...CONTAINER_FLAGS, ...CREATE_ONLY_FLAGS]),
  args: { min: 1 },
  interspersed: false,
  run(ctx, flags): CommandOutput {
    const [image = '', ...cmd] = flags.args;
    const parsed = toCreateSpec(flags, image, cmd, str(flags, 'name'));
    if (!parsed.ok) return { out: [{ stream: 'err', text: `${withRunHelp(parsed.error, 'create')}\n` }], exitCode: 125 };
    const flow = createWithPull(ctx.world, { ...parsed.spec, labels: labelMap(list(flags, 'label')) }, bool(flags, 'quiet'));
    const out: OutChunk[] = [...flow.out];
    if (!flow.id) {
      out.push({ stream: 'err', text: `${withRunHelp(flow.error ?? '', 'create')}\n` });
      return { world: flow.world, out, exitCode: 125, events: flow.events };
    }
    out.push({ stream: 'out', text: `${flow.id}\n` });
    return { world: flow.world, out, exitCode: 0, events: flow.events };
  },
};
