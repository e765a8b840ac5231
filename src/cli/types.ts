import type { World } from '../engine/world';
import type { EngineEvent } from '../engine/events';
import type { ContainerId } from '../engine/ids';
import type { ImageTools } from '../engine/images';

/** Where the console's shell is: on the host, inside a container, or on the LAN laptop. */
export type Shell =
  /** `confirm`: a [y/N] question is open; a yes runs this argv. */
  | { readonly at: 'host'; readonly confirm?: readonly string[] }
  | { readonly at: 'container'; readonly id: ContainerId; readonly via: 'exec' | 'attach'; readonly shell: string }
  | { readonly at: 'laptop' };

export interface OutChunk {
  readonly stream: 'out' | 'err';
  readonly text: string;
}

/** Result of one line: the new world and shell, what was printed (in order), and the events. */
export interface LineResult {
  readonly world: World;
  readonly shell: Shell;
  readonly out: readonly OutChunk[];
  readonly exitCode: number;
  readonly events: readonly EngineEvent[];
  /** Set by `clear` / Ctrl-L. */
  readonly clear?: boolean;
}

export type FlagKind = 'bool' | 'string' | 'stringArray' | 'list' | 'int' | 'map';

export interface FlagSpec {
  /** Long name without dashes: 'publish'. */
  readonly long: string;
  /** One-letter shorthand: 'p'. */
  readonly short?: string;
  readonly kind: FlagKind;
  /** The value placeholder help shows ('list', 'string', 'int', 'ip', 'network', 'bytes'…). */
  readonly valueName?: string;
  readonly help: string;
  /** Default as help prints it: `(default "bridge")`. */
  readonly defaultText?: string;
  readonly hidden?: boolean;
  readonly deprecated?: string;
}

export interface ParsedFlags {
  /** Flag values by long name. bool → true/false, string/int → last value, stringArray/list → all values. */
  readonly values: Readonly<Record<string, string | boolean | readonly string[]>>;
  /** Flag long names in the order they were given. */
  readonly given: readonly string[];
  readonly args: readonly string[];
}

export interface CommandContext {
  readonly world: World;
  readonly shell: Shell;
  /** The command path as typed: ['docker', 'container', 'ls']. */
  readonly path: readonly string[];
  /** The line started with `sudo` (root for the laptop's student; nothing changes for root). */
  readonly sudo?: boolean;
}

export interface CommandOutput {
  readonly world?: World;
  readonly shell?: Shell;
  readonly out: readonly OutChunk[];
  readonly exitCode: number;
  readonly events?: readonly EngineEvent[];
  readonly clear?: boolean;
}

export interface CommandSpec {
  /** Full path: ['docker', 'network', 'create']. */
  readonly path: readonly string[];
  /** Other paths for the same command: [['docker', 'container', 'run']]. */
  readonly aliases?: readonly (readonly string[])[];
  /** Usage line after `Usage:  `: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]'. */
  readonly usage: string;
  readonly short: string;
  readonly flags: readonly FlagSpec[];
  /** Positional argument count; errors worded as the real tool words them. */
  readonly args: { readonly min: number; readonly max?: number };
  /** Flags end at the first positional argument (docker run IMAGE [COMMAND] [ARG...]). */
  readonly interspersed?: false;
  /** Where the command exists: on the host (default), inside containers, on the laptop. */
  readonly where?: readonly Shell['at'][];
  /** Not listed in help (internal helpers). */
  readonly hidden?: boolean;
  /**
   * The command parses its own arguments (ip, iptables, ss…: not pflag tools): dispatch passes
   * argv untouched in ParsedFlags.args.
   */
  readonly rawArgs?: true;
  /** A help text of its own (the docker root command's), instead of the generated one. */
  readonly helpText?: () => string;
  /** Inside a container the command exists only if the image ships this tool. */
  readonly tool?: keyof ImageTools;
  readonly run: (ctx: CommandContext, flags: ParsedFlags) => CommandOutput;
}
