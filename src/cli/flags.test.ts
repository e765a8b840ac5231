import { describe, expect, it } from 'vitest';
import { checkArgs, effectiveFlags, flagErrorExitCode, formatFlagError, parseFlags, parseGoInt, useLine, type ParseFlagsResult } from './flags';
import type { CommandSpec, FlagSpec } from './types';

const noop = (): { out: []; exitCode: number } => ({ out: [], exitCode: 0 });
const RUN_FLAGS: FlagSpec[] = [
  { long: 'detach', short: 'd', kind: 'bool', help: 'Run container in background and print container ID' },
  { long: 'interactive', short: 'i', kind: 'bool', help: 'Keep STDIN open even if not attached' },
  { long: 'tty', short: 't', kind: 'bool', help: 'Allocate a pseudo-TTY' },
  { long: 'rm', kind: 'bool', help: 'Automatically remove the container and its associated anonymous volumes when it exits' },
  { long: 'name', kind: 'string', help: 'Assign a name to the container' },
  { long: 'publish', short: 'p', kind: 'list', help: "Publish a container's port(s) to the host" },
  { long: 'env', short: 'e', kind: 'list', help: 'Set environment variables' },
  { long: 'hostname', short: 'h', kind: 'string', help: 'Container host name' },
  { long: 'help', kind: 'bool', help: 'Print usage' },
  { long: 'cpu-shares', short: 'c', kind: 'int', help: 'CPU shares (relative weight)' },
  { long: 'link-local-ip', kind: 'list', help: 'Container IPv4/IPv6 link-local addresses', deprecated: 'use --foo' },
];
const RUN: CommandSpec = {
  path: ['docker', 'run'],
  aliases: [['docker', 'container', 'run']],
  usage: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create and run a new container from an image',
  flags: RUN_FLAGS,
  args: { min: 1 },
  interspersed: false,
  run: noop,
};
const NET_CREATE: CommandSpec = {
  path: ['docker', 'network', 'create'],
  usage: 'docker network create [OPTIONS] NETWORK',
  short: 'Create a network',
  flags: [
    { long: 'driver', short: 'd', kind: 'string', help: 'Driver to manage the Network', defaultText: 'bridge' },
    { long: 'subnet', kind: 'stringArray', help: 'Subnet in CIDR format that represents a network segment' },
    { long: 'internal', kind: 'bool', help: 'Restrict external access to the network' },
    { long: 'opt', short: 'o', kind: 'map', help: 'Set driver specific options' },
  ],
  args: { min: 1, max: 1 },
  run: noop,
};

function ok(r: ParseFlagsResult) {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r;
}
function flagErr(spec: CommandSpec, argv: string[]): string {
  const r = parseFlags(spec, argv);
  if (r.ok) throw new Error('expected an error');
  return r.error.kind === 'flag' ? r.error.message : formatFlagError(spec, r.error);
}

describe('parseFlags: pflag syntax', () => {
  it('long flags with separate and = values, repeated list flags', () => {
    const r = ok(parseFlags(RUN, ['--name', 'web', '-p', '80:80', '--publish=443:443', '-p', '8080:80', 'nginx']));
    expect(r.flags.values).toEqual({ name: 'web', publish: ['80:80', '443:443', '8080:80'] });
    expect(r.flags.given).toEqual(['name', 'publish']);
    expect(r.flags.args).toEqual(['nginx']);
    expect(r.help).toBe(false);
  });

  it('combined shorthands, attached values, -e=FOO (pflag drops the =)', () => {
    const r = ok(parseFlags(RUN, ['-dit', '-p8080:80', '-e=FOO', '-eBAR=1', '-itp', '9000:90', 'alpine']));
    expect(r.flags.values).toEqual({ detach: true, interactive: true, tty: true, publish: ['8080:80', '9000:90'], env: ['FOO', 'BAR=1'] });
    expect(r.flags.args).toEqual(['alpine']);
  });

  it('bool values: --rm, --rm=false, -d=false; `--rm false` leaves false as a positional', () => {
    expect(ok(parseFlags(RUN, ['--rm=false', '-d=0', 'x'])).flags.values).toEqual({ rm: false, detach: false });
    expect(ok(parseFlags(RUN, ['--rm', 'false'])).flags.args).toEqual(['false']);
    expect(ok(parseFlags(RUN, ['--rm=T', 'x'])).flags.values).toEqual({ rm: true });
  });

  it('interspersed: false stops at the first positional (the image)', () => {
    const r = ok(parseFlags(RUN, ['-d', 'alpine', 'ls', '-la', '--name', 'x']));
    expect(r.flags.values).toEqual({ detach: true });
    expect(r.flags.args).toEqual(['alpine', 'ls', '-la', '--name', 'x']);
  });

  it('interspersed (default) collects positionals anywhere; -- ends flags; - is a positional', () => {
    const r = ok(parseFlags(NET_CREATE, ['mynet', '--driver', 'bridge', '--subnet=10.0.0.0/24', '-o', 'a=b', '-oc=d']));
    expect(r.flags.values).toEqual({ driver: 'bridge', subnet: ['10.0.0.0/24'], opt: ['a=b', 'c=d'] });
    expect(r.flags.args).toEqual(['mynet']);
    expect(ok(parseFlags(NET_CREATE, ['--', '--internal'])).flags.args).toEqual(['--internal']);
    expect(ok(parseFlags(NET_CREATE, ['-'])).flags.args).toEqual(['-']);
  });

  it('ints are parsed like strconv.ParseInt(s, 0, 64)', () => {
    expect(ok(parseFlags(RUN, ['-c', '0x10', 'x'])).flags.values).toEqual({ 'cpu-shares': '16' });
    expect(parseGoInt('-0b11')).toEqual({ ok: true, value: '-3' });
    expect(parseGoInt('010')).toEqual({ ok: true, value: '8' });
    expect(parseGoInt('1_000')).toEqual({ ok: true, value: '1000' });
    expect(parseGoInt('0x_1f')).toEqual({ ok: true, value: '31' });
    expect(parseGoInt('08')).toEqual({ ok: false, error: 'strconv.ParseInt: parsing "08": invalid syntax' });
    expect(parseGoInt('1__0').ok).toBe(false);
    expect(parseGoInt('_1').ok).toBe(false);
    expect(parseGoInt('99999999999999999999')).toEqual({
      ok: false,
      error: 'strconv.ParseInt: parsing "99999999999999999999": value out of range',
    });
  });

  it('--help and the root -h (deprecated shorthand); run/create keep -h for --hostname', () => {
    const h = ok(parseFlags(NET_CREATE, ['--help']));
    expect(h.help).toBe(true); // args are not checked when help is asked for
    const h2 = ok(parseFlags(NET_CREATE, ['-h']));
    expect(h2.help).toBe(true);
    expect(h2.warnings).toEqual(['Flag shorthand -h has been deprecated, use --help\n']);
    const r = ok(parseFlags(RUN, ['-h', 'box', 'alpine']));
    expect(r.flags.values).toEqual({ hostname: 'box' });
    expect(ok(parseFlags(RUN, ['--help'])).help).toBe(true);
    expect(effectiveFlags(NET_CREATE).find((f) => f.long === 'help')).toMatchObject({ short: 'h', hidden: true });
  });

  it('deprecated flags still work but warn', () => {
    const r = ok(parseFlags(RUN, ['--link-local-ip', '169.254.0.1', 'x']));
    expect(r.warnings).toEqual(['Flag --link-local-ip has been deprecated, use --foo\n']);
  });
});

describe('parseFlags: errors worded like pflag', () => {
  it('unknown flags', () => {
    expect(flagErr(RUN, ['--foo', 'x'])).toBe('unknown flag: --foo');
    expect(flagErr(RUN, ['--foo=bar'])).toBe('unknown flag: --foo');
    expect(flagErr(RUN, ['-z'])).toBe("unknown shorthand flag: 'z' in -z");
    expect(flagErr(RUN, ['-dz'])).toBe("unknown shorthand flag: 'z' in -z");
    expect(flagErr(RUN, ['-zd'])).toBe("unknown shorthand flag: 'z' in -zd");
    expect(flagErr(RUN, ['-é'])).toBe("unknown shorthand flag: 'Ã' in -é");
    expect(flagErr(RUN, ['---x'])).toBe('bad flag syntax: ---x');
    expect(flagErr(RUN, ['--=x'])).toBe('bad flag syntax: --=x');
  });

  it('missing values', () => {
    expect(flagErr(RUN, ['--name'])).toBe('flag needs an argument: --name');
    expect(flagErr(RUN, ['-p'])).toBe("flag needs an argument: 'p' in -p");
    expect(flagErr(RUN, ['-dp'])).toBe("flag needs an argument: 'p' in -p");
  });

  it('invalid values', () => {
    expect(flagErr(RUN, ['-c', 'abc', 'x'])).toBe(
      'invalid argument "abc" for "-c, --cpu-shares" flag: strconv.ParseInt: parsing "abc": invalid syntax',
    );
    expect(flagErr(RUN, ['--detach=maybe'])).toBe(
      'invalid argument "maybe" for "-d, --detach" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    );
    expect(flagErr(RUN, ['--rm='])).toBe('invalid argument "" for "--rm" flag: strconv.ParseBool: parsing "": invalid syntax');
  });

  it('formats flag errors the CLI 28 way (exit 125)', () => {
    const r = parseFlags(RUN, ['--foo']);
    if (r.ok) throw new Error('expected an error');
    expect(flagErrorExitCode(r.error)).toBe(125);
    expect(formatFlagError(RUN, r.error)).toBe(
      "unknown flag: --foo\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information",
    );
    expect(formatFlagError(RUN, r.error, ['docker', 'container', 'run'])).toBe(
      "unknown flag: --foo\n\nUsage:  docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker container run --help' for more information",
    );
  });
});

describe('positional argument counts (cli/required.go, exit 1)', () => {
  const spec = (min: number, max: number | undefined, path = ['docker', 'x'], usage = 'docker x [OPTIONS]'): CommandSpec => ({
    path,
    usage,
    short: '',
    flags: [],
    args: max === undefined ? { min } : { min, max },
    run: noop,
  });

  it('RequiresMinArgs (note upstream says "See")', () => {
    expect(flagErr(RUN, [])).toBe(
      "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information",
    );
    const r = parseFlags(RUN, []);
    expect(!r.ok && flagErrorExitCode(r.error)).toBe(1);
    expect(flagErr(spec(2, undefined), ['a'])).toContain("requires at least 2 arguments");
  });

  it('ExactArgs', () => {
    expect(flagErr(NET_CREATE, [])).toBe(
      "docker: 'docker network create' requires 1 argument\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information",
    );
    expect(flagErr(NET_CREATE, ['a', 'b'])).toContain("requires 1 argument\n");
    expect(flagErr(spec(2, 2), [])).toContain("'docker x' requires 2 arguments\n");
  });

  it('NoArgs, RequiresMaxArgs (upstream typo "SRun"), RequiresRangeArgs', () => {
    expect(flagErr(spec(0, 0, ['docker', 'network', 'ls'], 'docker network ls [OPTIONS]'), ['x'])).toBe(
      "docker: 'docker network ls' accepts no arguments\n\nUsage:  docker network ls [OPTIONS]\n\nRun 'docker network ls --help' for more information",
    );
    expect(flagErr(spec(0, 1), ['a', 'b'])).toBe(
      "docker: 'docker x' requires at most 1 argument\n\nUsage:  docker x [OPTIONS]\n\nSRun 'docker x --help' for more information",
    );
    expect(flagErr(spec(1, 2, ['docker', 'port'], 'docker port CONTAINER [PRIVATE_PORT[/PROTO]]'), [])).toBe(
      "docker: 'docker port' requires at least 1 and at most 2 arguments\n\nUsage:  docker port CONTAINER [PRIVATE_PORT[/PROTO]]\n\nRun 'docker port --help' for more information",
    );
    expect(checkArgs(spec(0, undefined), 5)).toBeUndefined();
  });

  it('useLine follows the command instance path', () => {
    expect(useLine(RUN)).toBe('docker run [OPTIONS] IMAGE [COMMAND] [ARG...]');
    expect(useLine(RUN, ['docker', 'container', 'run'])).toBe('docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]');
  });
});
