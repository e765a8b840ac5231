/**
 * Flag parsing with spf13/pflag v1.0.6 semantics (the version docker/cli v28.5.2 vendors:
 * vendor/github.com/spf13/pflag/flag.go `parseArgs`, `parseLongArg`, `parseSingleShortArg`,
 * `Set`), and the positional-count checks of docker/cli v28.5.2 cli/required.go.
 *
 * - `--name value`, `--name=value`, `-n value`, `-nvalue`, `-n=value` (value "value": pflag strips
 *   the `=` after a shorthand), combined shorthands `-dit`, repeated flags accumulate for
 *   list/stringArray/map kinds; bool flags take no separate value (`--rm false` leaves `false` as a
 *   positional), only `--rm=false` / `-d=false`.
 * - `--` ends the flags; with `interspersed: false` the first positional ends them too.
 * - Every docker command also has the root's persistent, hidden `--help` / `-h` (cli/cobra.go);
 *   `-h` is marked shorthand-deprecated, so pflag prints "Flag shorthand -h has been deprecated,
 *   use --help" (cobra prints pflag's messages on the command's out stream: stdout for docker).
 *   run/create declare their own `--help` without shorthand because `-h` is `--hostname`; specs
 *   that declare a `help` flag get exactly that.
 * - Cobra parses flags first (errors → FlagErrorFunc, exit 125), then honours --help, then checks
 *   the positional count (exit 1). parseFlags follows that order.
 */
import type { CommandSpec, FlagSpec, ParsedFlags } from './types';
import { goQuote, goQuoteRune, parseGoInt } from './format/gotemplate-fmt';

export { parseGoInt };

export type FlagError =
  /** A pflag parse error: `message` is pflag's text (`unknown flag: --foo`). Exit 125. */
  | { readonly kind: 'flag'; readonly message: string }
  /** Wrong number of positional arguments (cli/required.go). Exit 1. */
  | {
      readonly kind: 'args';
      readonly rule: 'none' | 'min' | 'max' | 'exact' | 'range';
      readonly min: number;
      readonly max: number;
      readonly got: number;
    };

export interface ParseFlagsOk {
  readonly ok: true;
  readonly flags: ParsedFlags;
  /** `--help` (or the root's `-h`) was given: show help instead of running (args are not checked). */
  readonly help: boolean;
  /** Deprecation notices pflag prints (to stdout), each ending in '\n'. */
  readonly warnings: readonly string[];
}

export type ParseFlagsResult = ParseFlagsOk | { readonly ok: false; readonly error: FlagError };

/** The exit code docker uses for a FlagError. */
export function flagErrorExitCode(error: FlagError): 125 | 1 {
  return error.kind === 'flag' ? 125 : 1;
}

/** cobra's CommandPath for the command instance at `calledAs` (defaults to spec.path). */
export function commandPath(spec: CommandSpec, calledAs?: readonly string[]): string {
  return (calledAs ?? spec.path).join(' ');
}

/**
 * cobra's UseLine: the spec's usage with its path replaced by `calledAs` (the path of the command
 * instance: `docker container run` and `docker run` are distinct cobra commands with their own
 * usage lines; in-group aliases such as `docker network list` keep the canonical path).
 */
export function useLine(spec: CommandSpec, calledAs?: readonly string[]): string {
  const own = spec.path.join(' ');
  if (calledAs === undefined || !spec.usage.startsWith(own)) return spec.usage;
  return calledAs.join(' ') + spec.usage.slice(own.length);
}

const HELP_FLAG: FlagSpec = { long: 'help', short: 'h', kind: 'bool', help: 'Print usage', hidden: true };

/** The flags cobra merges for a docker command: its own plus the root's persistent --help. */
export function effectiveFlags(spec: CommandSpec): readonly FlagSpec[] {
  if (spec.flags.some((f) => f.long === 'help')) return spec.flags;
  const hTaken = spec.flags.some((f) => f.short === 'h');
  return [...spec.flags, hTaken ? { ...HELP_FLAG, short: undefined } : HELP_FLAG];
}

/** How pflag names a flag in "invalid argument" errors. */
function flagDisplayName(f: FlagSpec): string {
  return f.short !== undefined && f.long !== 'help' ? `-${f.short}, --${f.long}` : `--${f.long}`;
}

/** strconv.ParseBool. */
function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** The first byte of c's UTF-8 encoding as a rune, which is what pflag's %q of `shorthands[0]` shows. */
function firstByteRune(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  if (cp < 0x80) return c;
  const b = cp < 0x800 ? 0xc0 | (cp >> 6) : cp < 0x10000 ? 0xe0 | (cp >> 12) : 0xf0 | (cp >> 18);
  return String.fromCodePoint(b);
}

class FlagFail {
  constructor(readonly message: string) {}
}

/** Parse argv (the words after the command path) against the spec. */
export function parseFlags(spec: CommandSpec, argv: readonly string[]): ParseFlagsResult {
  const flags = effectiveFlags(spec);
  const values: Record<string, string | boolean | string[]> = {};
  const given: string[] = [];
  const args: string[] = [];
  const warnings: string[] = [];
  const interspersed = spec.interspersed !== false;

  const set = (f: FlagSpec, value: string): void => {
    const invalid = (err: string): FlagFail =>
      new FlagFail(`invalid argument ${goQuote(value)} for ${goQuote(flagDisplayName(f))} flag: ${err}`);
    switch (f.kind) {
      case 'bool': {
        const b = parseBool(value);
        if (b === undefined) throw invalid(`strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`);
        values[f.long] = b;
        break;
      }
      case 'int': {
        const n = parseGoInt(value);
        if (!n.ok) throw invalid(n.error);
        values[f.long] = n.value;
        break;
      }
      case 'string':
        values[f.long] = value;
        break;
      default: {
        const prev = values[f.long];
        values[f.long] = [...(Array.isArray(prev) ? prev : []), value];
      }
    }
    if (!given.includes(f.long)) given.push(f.long);
    if (f.deprecated !== undefined) warnings.push(`Flag --${f.long} has been deprecated, ${f.deprecated}\n`);
  };

  const parseLong = (s: string, rest: string[]): void => {
    const body = s.slice(2);
    if (body.length === 0 || body[0] === '-' || body[0] === '=') throw new FlagFail(`bad flag syntax: ${s}`);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const f = flags.find((x) => x.long === name);
    if (f === undefined) throw new FlagFail(`unknown flag: --${name}`);
    if (eq >= 0) set(f, body.slice(eq + 1));
    else if (f.kind === 'bool') set(f, 'true');
    else if (rest.length > 0) set(f, rest.shift() ?? '');
    else throw new FlagFail(`flag needs an argument: ${s}`);
  };

  const parseShort = (s: string, rest: string[]): void => {
    let shorthands = s.slice(1);
    while (shorthands.length > 0) {
      const c = String.fromCodePoint(shorthands.codePointAt(0) ?? 0);
      const f = flags.find((x) => x.short === c);
      if (f === undefined) {
        throw new FlagFail(`unknown shorthand flag: ${goQuoteRune(firstByteRune(c))} in -${shorthands}`);
      }
      let value: string;
      const after = shorthands.slice(c.length);
      if (after.length > 1 && after[0] === '=') {
        value = after.slice(1); // '-f=arg'
        shorthands = '';
      } else if (f.kind === 'bool') {
        value = 'true';
        shorthands = after;
      } else if (after.length > 0) {
        value = after; // '-farg'
        shorthands = '';
      } else if (rest.length > 0) {
        value = rest.shift() ?? '';
        shorthands = '';
      } else {
        throw new FlagFail(`flag needs an argument: ${goQuoteRune(c)} in -${c}`);
      }
      if (f === HELP_FLAG || (f.long === 'help' && f.short === 'h' && f.hidden === true)) {
        warnings.push('Flag shorthand -h has been deprecated, use --help\n');
      }
      set(f, value);
    }
  };

  try {
    const rest = [...argv];
    while (rest.length > 0) {
      const s = rest.shift() ?? '';
      if (s.length < 2 || s[0] !== '-') {
        args.push(s);
        if (!interspersed) {
          args.push(...rest);
          break;
        }
        continue;
      }
      if (s === '--') {
        args.push(...rest);
        break;
      }
      if (s[1] === '-') parseLong(s, rest);
      else parseShort(s, rest);
    }
  } catch (e) {
    if (e instanceof FlagFail) return { ok: false, error: { kind: 'flag', message: e.message } };
    throw e;
  }

  const parsed: ParsedFlags = { values, given, args };
  const help = values['help'] === true;
  if (!help) {
    const err = checkArgs(spec, args.length);
    if (err !== undefined) return { ok: false, error: err };
  }
  return { ok: true, flags: parsed, help, warnings };
}

/** The cli/required.go validator implied by spec.args, or undefined when the count is fine. */
export function checkArgs(spec: CommandSpec, got: number): FlagError | undefined {
  const { min, max } = spec.args;
  if (got >= min && (max === undefined || got <= max)) return undefined;
  const rule =
    max === undefined ? 'min' : max === 0 ? 'none' : min === max ? 'exact' : min === 0 ? 'max' : 'range';
  return { kind: 'args', rule, min, max: max ?? -1, got };
}

const plural = (n: number): string => (n === 1 ? 'argument' : 'arguments');

/**
 * The complete stderr text (without the final newline main() adds) for a FlagError, as CLI 28.5
 * prints it. Flag errors: cli/cobra.go FlagErrorFunc. Count errors: cli/required.go, verbatim,
 * including its quirks (RequiresMinArgs says "See …", RequiresMaxArgs says "SRun …").
 */
export function formatFlagError(spec: CommandSpec, error: FlagError, calledAs?: readonly string[]): string {
  const path = commandPath(spec, calledAs);
  const usage = useLine(spec, calledAs);
  if (error.kind === 'flag') {
    return `${error.message}\n\nUsage:  ${usage}\n\nRun '${path} --help' for more information`;
  }
  const bin = spec.path[0] ?? 'docker';
  const tail = (verb: string): string => `\n\nUsage:  ${usage}\n\n${verb} '${path} --help' for more information`;
  switch (error.rule) {
    case 'none':
      return `${bin}: '${path}' accepts no arguments${tail('Run')}`;
    case 'min':
      return `${bin}: '${path}' requires at least ${error.min} ${plural(error.min)}${tail('See')}`;
    case 'max':
      return `${bin}: '${path}' requires at most ${error.max} ${plural(error.max)}${tail('SRun')}`;
    case 'exact':
      return `${bin}: '${path}' requires ${error.min} ${plural(error.min)}${tail('Run')}`;
    case 'range':
      return `${bin}: '${path}' requires at least ${error.min} and at most ${error.max} ${plural(error.max)}${tail('Run')}`;
  }
}
