/**
 * `docker … --help` text, reproducing docker/cli v28.5.2's cobra templates (cli/cobra.go
 * `usageTemplate` / `helpTemplate`) with cobra v1.9.1 (`UseLine`, `NamePadding`, command sorting)
 * and pflag v1.0.6's `FlagUsagesWrapped` (two-column layout, `(default …)`, wrapping). The output
 * ends with one newline, as the template does. Checked against the golden files
 * e2e/stack/testdata/stack-deploy-help.golden and e2e/cli-plugins/testdata/docker-help-*.golden.
 *
 * The flags column is wrapped at the terminal width minus one (`wrappedFlagUsages`, 80 columns when
 * stdin is not a terminal); pass `width` to match the console.
 */
import { commandPath, effectiveFlags, useLine } from './flags';
import { goQuote } from './format/gotemplate-fmt';
import type { CommandSpec, FlagSpec } from './types';

export interface HelpOptions {
  /** Terminal width in columns (default 80). */
  readonly width?: number;
  /** Output goes to a terminal: docker prints the root's closing hint in bold. */
  readonly tty?: boolean;
}

/** pflag's type name shown after a flag, by kind (UnquoteUsage: bool shows none). */
const TYPE_NAMES: Readonly<Record<FlagSpec['kind'], string>> = {
  bool: '',
  string: 'string',
  int: 'int',
  list: 'list',
  stringArray: 'stringArray',
  map: 'map',
};

/** `(default …)` as pflag prints it; '' when the default is the zero value. */
function defaultSuffix(f: FlagSpec): string {
  const d = f.defaultText;
  if (d === undefined || d === '') return '';
  if (d.startsWith('(')) return ` ${d}`;
  if (f.kind === 'string' && !d.startsWith('"')) return ` (default ${goQuote(d)})`;
  return ` (default ${d})`;
}

/** pflag wrapN: split s at the last blank before i (or go `slop` over to take it all). */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag wrap: wrap s to width w with indent i (first line not indented). */
function wrap(i: number, w: number, s: string): string {
  if (w === 0) return s.split('\n').join('\n' + ' '.repeat(i));
  let width = w - i;
  let r = '';
  if (width < 24) {
    i = 16;
    width = w - i;
    r += '\n' + ' '.repeat(i);
  }
  if (width < 24) return s.split('\n').join(r);
  const slop = 5;
  width -= slop;
  let [l, rest] = wrapN(width, slop, s);
  r += l.split('\n').join('\n' + ' '.repeat(i));
  while (rest !== '') {
    [l, rest] = wrapN(width, slop, rest);
    r += '\n' + ' '.repeat(i) + l.split('\n').join('\n' + ' '.repeat(i));
  }
  return r;
}

/** pflag FlagSet.FlagUsagesWrapped(cols): sorted by name, hidden/deprecated flags left out. */
export function formatFlagUsages(flags: readonly FlagSpec[], cols: number): string {
  const visible = flags
    .filter((f) => f.hidden !== true && f.deprecated === undefined)
    .sort((a, b) => (a.long < b.long ? -1 : a.long > b.long ? 1 : 0));
  let maxlen = 0;
  const lines = visible.map((f) => {
    let usage = f.help;
    let varname = f.valueName ?? TYPE_NAMES[f.kind];
    const bq = /`([^`]*)`/.exec(usage); // a back-quoted name in the usage becomes the varname
    if (bq !== null) {
      varname = bq[1] ?? '';
      usage = usage.replace(/`([^`]*)`/, '$1');
    }
    let line = f.short !== undefined ? `  -${f.short}, --${f.long}` : `      --${f.long}`;
    if (varname !== '') line += ` ${varname}`;
    line += '\x00';
    maxlen = Math.max(maxlen, line.length);
    return line + usage + defaultSuffix(f);
  });
  return lines
    .map((line) => {
      const sidx = line.indexOf('\x00');
      return `${line.slice(0, sidx)} ${' '.repeat(maxlen - sidx)} ${wrap(maxlen + 2, cols, line.slice(sidx + 1))}\n`;
    })
    .join('');
}

const trimRight = (s: string): string => s.replace(/\s+$/u, '');
const nameOf = (spec: CommandSpec): string => spec.path[spec.path.length - 1] ?? '';
const rpad = (s: string, n: number): string => s.padEnd(n, ' ');

/**
 * The Aliases line: every path of the command, management form first (docker's "aliases"
 * annotations list `docker container run, docker run`; cobra lists the command then its
 * in-group aliases, `docker network ls, docker network list`). Longer paths sort first, stably.
 */
export function aliasesLine(spec: CommandSpec): string | undefined {
  if (spec.aliases === undefined || spec.aliases.length === 0) return undefined;
  return [spec.path, ...spec.aliases]
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p.length - a.p.length || a.i - b.i)
    .map(({ p }) => p.join(' '))
    .join(', ');
}

/**
 * `docker <cmd> --help`. `subcommands` makes it a management command (`docker network`):
 * "Usage:  docker network COMMAND", a Commands: list sorted by name, and the closing hint.
 * `calledAs` is the path of the cobra command instance (`docker container run` vs `docker run`).
 */
export function formatHelp(
  spec: CommandSpec, subcommands?: readonly CommandSpec[], calledAs?: readonly string[], opts: HelpOptions = {},
): string {
  const cols = (opts.width ?? 80) - 1;
  const flags = effectiveFlags(spec).filter((f) => f.hidden !== true && f.deprecated === undefined);
  const subs = subcommands ?? [];
  const path = commandPath(spec, calledAs);
  let s = 'Usage:';
  s += subs.length === 0 ? `  ${useLine(spec, calledAs)}` : `  ${path}${flags.length > 0 ? ' [OPTIONS]' : ''} COMMAND`;
  s += `\n\n${spec.short.trim()}`;
  const aliases = aliasesLine(spec);
  if (aliases !== undefined) s += `\n\nAliases:\n  ${aliases}`;
  if (flags.length > 0) s += `\n\nOptions:\n${trimRight(formatFlagUsages(effectiveFlags(spec), cols))}`;
  if (subs.length > 0) {
    const pad = Math.max(11, ...subs.map((c) => nameOf(c).length));
    const sorted = [...subs].sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
    s += '\n\nCommands:';
    for (const c of sorted) s += `\n  ${rpad(nameOf(c), pad)} ${c.short}`;
    s += `\n\nRun '${path} COMMAND --help' for more information on a command.`;
  }
  return s + '\n';
}

/** One entry of `docker --help`. */
export interface RootCommandEntry {
  readonly name: string;
  readonly short: string;
  /** 'management' for command groups (network, container…), 'swarm' for swarm groups. */
  readonly group: 'management' | 'swarm' | 'operation';
  /** docker's "category-top" rank: listed under Common Commands (run 1, exec 2, ps 3, build 4…). */
  readonly top?: number;
  /** A CLI plugin (buildx, compose): its name is decorated with '*'. */
  readonly plugin?: boolean;
}

const HOME = '/root/.docker';

/** The root command's flags (cli/flags/options.go InstallFlags + `-v, --version`), for a root user on Linux. */
export const DOCKER_ROOT_FLAGS: readonly FlagSpec[] = [
  { long: 'config', kind: 'string', help: 'Location of client config files', defaultText: HOME },
  { long: 'debug', short: 'D', kind: 'bool', help: 'Enable debug mode' },
  { long: 'log-level', short: 'l', kind: 'string', help: 'Set the logging level ("debug", "info", "warn", "error", "fatal")', defaultText: 'info' },
  { long: 'tls', kind: 'bool', help: 'Use TLS; implied by --tlsverify' },
  { long: 'tlsverify', kind: 'bool', help: 'Use TLS and verify the remote' },
  { long: 'tlscacert', kind: 'string', help: 'Trust certs signed only by this CA', defaultText: `${HOME}/ca.pem` },
  { long: 'tlscert', kind: 'string', help: 'Path to TLS certificate file', defaultText: `${HOME}/cert.pem` },
  { long: 'tlskey', kind: 'string', help: 'Path to TLS key file', defaultText: `${HOME}/key.pem` },
  { long: 'host', short: 'H', kind: 'string', help: 'Daemon socket to connect to' },
  {
    long: 'context',
    short: 'c',
    kind: 'string',
    help: 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
  },
  { long: 'version', short: 'v', kind: 'bool', help: 'Print version information and quit' },
  { long: 'help', short: 'h', kind: 'bool', help: 'Print usage', hidden: true },
];

/** `docker --help` (and `docker` alone, which prints the same on stderr). */
export function formatRootHelp(entries: readonly RootCommandEntry[], opts: HelpOptions = {}): string {
  const cols = (opts.width ?? 80) - 1;
  const pad = Math.max(11, ...entries.map((e) => e.name.length));
  const byName = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const line = (e: RootCommandEntry): string => `\n  ${rpad(e.name + (e.plugin === true ? '*' : ' '), pad + 1)}${e.short}`;
  let s = 'Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers';
  const top = entries.filter((e) => e.top !== undefined).sort((a, b) => (a.top ?? 0) - (b.top ?? 0));
  if (top.length > 0) s += `\n\nCommon Commands:${top.map(line).join('')}`;
  const mgmt = byName.filter((e) => e.group === 'management');
  if (mgmt.length > 0) s += `\n\nManagement Commands:${mgmt.map(line).join('')}`;
  const swarm = byName.filter((e) => e.group === 'swarm');
  if (swarm.length > 0) s += `\n\nSwarm Commands:${swarm.map(line).join('')}`;
  const ops = byName.filter((e) => e.group === 'operation' && e.top === undefined);
  if (ops.length > 0) s += `\n\nCommands:${ops.map((e) => `\n  ${rpad(e.name, pad)} ${e.short}`).join('')}`;
  s += `\n\nGlobal Options:\n${trimRight(formatFlagUsages(DOCKER_ROOT_FLAGS, cols))}`;
  s += "\n\nRun 'docker COMMAND --help' for more information on a command.";
  const hint = 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/';
  s += `\n\n${opts.tty === true ? `\x1b[1m${hint}\x1b[0m` : hint}`;
  return s + '\n';
}

/**
 * What docker prints for an unknown command (exit 1), without the final newline:
 * - top level (`docker foo`; the root's RunE, cmd/docker/docker.go):
 *   `docker: unknown command: docker foo\n\nRun 'docker --help' for more information`
 * - in a management command (`docker network foo`; cli/required.go NoArgs, whose Usage is the
 *   group's UseLine, i.e. just `docker network`):
 *   `docker: unknown command: docker network foo\n\nUsage:  docker network\n\nRun 'docker network --help' for more information`
 */
export function unknownCommandMessage(groupPath: readonly string[], arg: string): string {
  const path = groupPath.join(' ');
  if (groupPath.length <= 1) return `docker: unknown command: ${path} ${arg}\n\nRun '${path} --help' for more information`;
  return `docker: unknown command: ${path} ${arg}\n\nUsage:  ${path}\n\nRun '${path} --help' for more information`;
}
