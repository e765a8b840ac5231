import { DOCKER_ROOT_FLAGS, formatHelp, formatRootHelp, unknownCommandMessage, type RootCommandEntry } from '../../help';
import { allCommands, childrenOf } from '../../registry';
import type { CommandOutput, CommandSpec } from '../../types';

/**
 * `docker` and its management commands (`docker network`, `docker container`, `docker image`):
 * alone they print their help; followed by an unknown word, cobra's unknown-command error.
 * The root help lists the commands the lab simulates, grouped as docker 28's help groups them.
 */
const TOP: Readonly<Record<string, number>> = { run: 1, exec: 2, ps: 3, build: 4, pull: 5, push: 6, images: 7, login: 8, logout: 9, search: 10, version: 11, info: 12 };
const MANAGEMENT = new Set(['container', 'image', 'network', 'system', 'volume']);
const GROUP_SHORT: Readonly<Record<string, string>> = { container: 'Manage containers', image: 'Manage images', network: 'Manage networks' };

function rootEntries(): RootCommandEntry[] {
  const seen = new Set<string>();
  const out: RootCommandEntry[] = [];
  for (const s of allCommands()) {
    if (s.path[0] !== 'docker' || s.path.length !== 2 || s.hidden) continue;
    const name = s.path[1] ?? '';
    if (seen.has(name)) continue;
    seen.add(name);
    const top = TOP[name];
    out.push({ name, short: s.short, group: MANAGEMENT.has(name) ? 'management' : 'operation', ...(top !== undefined ? { top } : {}) });
  }
  return out;
}

export const dockerRoot: CommandSpec = {
  path: ['docker'],
  usage: 'docker [OPTIONS] COMMAND [ARG...]',
  short: 'A self-sufficient runtime for containers',
  flags: DOCKER_ROOT_FLAGS,
  args: { min: 0 },
  interspersed: false,
  helpText: () => formatRootHelp(rootEntries()),
  run(_ctx, flags): CommandOutput {
    if (flags.values['version'] === true) return { out: [{ stream: 'out', text: 'Docker version 28.5.2, build ecc6942\n' }], exitCode: 0 };
    const word = flags.args[0];
    if (word !== undefined) return { out: [{ stream: 'err', text: `${unknownCommandMessage(['docker'], word)}\n` }], exitCode: 1 };
    // `docker` alone prints the help to stderr; `docker --help` (handled by dispatch) to stdout.
    return { out: [{ stream: 'err', text: formatRootHelp(rootEntries()) }], exitCode: 0 };
  },
};

function group(name: string): CommandSpec {
  const spec: CommandSpec = {
    path: ['docker', name],
    usage: `docker ${name} COMMAND`,
    short: GROUP_SHORT[name] ?? name,
    flags: [],
    args: { min: 0 },
    interspersed: false,
    run(_ctx, flags): CommandOutput {
      const word = flags.args[0];
      if (word !== undefined) return { out: [{ stream: 'err', text: `${unknownCommandMessage(['docker', name], word)}\n` }], exitCode: 1 };
      return { out: [{ stream: 'out', text: formatHelp(spec, childrenOf(spec.path)) }], exitCode: 0 };
    },
  };
  return spec;
}

export const dockerContainerGroup = group('container');
export const dockerImageGroup = group('image');
export const dockerNetworkGroup = group('network');
