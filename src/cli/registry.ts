import { COMMANDS } from './commands';
import type { CommandSpec, Shell } from './types';

/**
 * Lookup over the command list in commands/index.ts. Help, unknown-flag errors and completion
 * all derive from the specs found here.
 */
export function allCommands(): readonly CommandSpec[] {
  return COMMANDS;
}

export function availableAt(spec: CommandSpec, at: Shell['at']): boolean {
  return (spec.where ?? ['host']).includes(at);
}

/** Longest registered path (or alias) that prefixes argv, among commands available where the shell is. */
export function resolveCommand(argv: readonly string[], at: Shell['at']): { spec: CommandSpec; consumed: number; path: readonly string[] } | null {
  let best: { spec: CommandSpec; consumed: number; path: readonly string[] } | null = null;
  for (const spec of COMMANDS) {
    if (!availableAt(spec, at)) continue;
    for (const path of [spec.path, ...(spec.aliases ?? [])]) {
      if (path.length <= argv.length && path.every((p, i) => argv[i] === p) && (!best || path.length > best.consumed)) {
        best = { spec, consumed: path.length, path };
      }
    }
  }
  return best;
}

/**
 * Subcommands directly under a group path (for `docker network` and help listings). A command
 * that lives elsewhere but has an alias in the group (`docker ps` as `docker container ls`) is
 * listed under its alias's name.
 */
export function childrenOf(path: readonly string[]): CommandSpec[] {
  const out: CommandSpec[] = [];
  const under = (p: readonly string[]) => p.length === path.length + 1 && path.every((w, i) => p[i] === w);
  for (const s of COMMANDS) {
    if (s.hidden) continue;
    if (under(s.path)) out.push(s);
    else {
      const alias = s.aliases?.find(under);
      if (alias) out.push({ ...s, path: alias });
    }
  }
  return out;
}
