import { describe, expect, it } from 'vitest';
import { aliasesLine, formatFlagUsages, formatHelp, formatRootHelp, unknownCommandMessage } from './help';
import type { CommandSpec, FlagSpec } from './types';

const run = (): { out: []; exitCode: number } => ({ out: [], exitCode: 0 });
function spec(path: string[], usage: string, short: string, flags: FlagSpec[], extra: Partial<CommandSpec> = {}): CommandSpec {
  return { path, usage, short, flags, args: { min: 0 }, run, ...extra };
}

describe('formatHelp', () => {
  it('matches docker/cli e2e/stack/testdata/stack-deploy-help.golden (wrapping at 79 columns)', () => {
    const s = spec(['docker', 'stack', 'deploy'], 'docker stack deploy [OPTIONS] STACK', 'Deploy a new stack or update an existing stack', [
      { long: 'compose-file', short: 'c', kind: 'stringArray', valueName: 'strings', help: 'Path to a Compose file, or "-" to read from stdin' },
      { long: 'with-registry-auth', kind: 'bool', help: 'Send registry authentication details to Swarm agents' },
      { long: 'prune', kind: 'bool', help: 'Prune services that are no longer referenced' },
      { long: 'resolve-image', kind: 'string', help: 'Query the registry to resolve image digest and supported platforms ("always", "changed", "never")', defaultText: 'always' },
      { long: 'detach', short: 'd', kind: 'bool', help: 'Exit immediately instead of waiting for the stack services to converge', defaultText: 'true' },
      { long: 'quiet', short: 'q', kind: 'bool', help: 'Suppress progress output' },
    ], { aliases: [['docker', 'stack', 'up']] });
    expect(formatHelp(s)).toBe(
      [
        'Usage:  docker stack deploy [OPTIONS] STACK',
        '',
        'Deploy a new stack or update an existing stack',
        '',
        'Aliases:',
        '  docker stack deploy, docker stack up',
        '',
        'Options:',
        '  -c, --compose-file strings   Path to a Compose file, or "-" to read',
        '                               from stdin',
        '  -d, --detach                 Exit immediately instead of waiting for',
        '                               the stack services to converge (default true)',
        '      --prune                  Prune services that are no longer referenced',
        '  -q, --quiet                  Suppress progress output',
        '      --resolve-image string   Query the registry to resolve image digest',
        '                               and supported platforms ("always",',
        '                               "changed", "never") (default "always")',
        '      --with-registry-auth     Send registry authentication details to',
        '                               Swarm agents',
        '',
      ].join('\n'),
    );
  });

  it('matches e2e/cli-plugins/testdata/docker-help-helloworld.golden (a group with flags)', () => {
    const group = spec(['docker', 'helloworld'], 'docker helloworld', 'A basic Hello World plugin for tests', [
      { long: 'context', short: 'c', kind: 'string', help: 'Is it Christmas?' },
      { long: 'debug', short: 'D', kind: 'bool', help: 'Enable debug' },
      { long: 'pre-run', kind: 'bool', help: 'Log from prerun hook' },
      { long: 'who', kind: 'string', help: 'Who are we addressing?' },
    ]);
    const subs = [
      spec(['docker', 'helloworld', 'goodbye'], '', 'Say Goodbye instead of Hello', []),
      spec(['docker', 'helloworld', 'apiversion'], '', 'Print the API version of the server', []),
      spec(['docker', 'helloworld', 'exitstatus2'], '', 'Exit with status 2', []),
    ];
    expect(formatHelp(group, subs)).toBe(
      'Usage:  docker helloworld [OPTIONS] COMMAND\n\nA basic Hello World plugin for tests\n\nOptions:\n' +
        '  -c, --context string   Is it Christmas?\n  -D, --debug            Enable debug\n' +
        '      --pre-run          Log from prerun hook\n      --who string       Who are we addressing?\n\n' +
        'Commands:\n  apiversion  Print the API version of the server\n  exitstatus2 Exit with status 2\n' +
        "  goodbye     Say Goodbye instead of Hello\n\nRun 'docker helloworld COMMAND --help' for more information on a command.\n",
    );
  });

  it('docker network --help: no [OPTIONS] (only the hidden --help), commands sorted, padded to 11', () => {
    const group = spec(['docker', 'network'], 'docker network', 'Manage networks', []);
    const subs = [
      spec(['docker', 'network', 'ls'], 'docker network ls [OPTIONS]', 'List networks', []),
      spec(['docker', 'network', 'connect'], '', 'Connect a container to a network', []),
      spec(['docker', 'network', 'disconnect'], '', 'Disconnect a container from a network', []),
    ];
    expect(formatHelp(group, subs)).toBe(
      'Usage:  docker network COMMAND\n\nManage networks\n\nCommands:\n' +
        '  connect     Connect a container to a network\n  disconnect  Disconnect a container from a network\n' +
        "  ls          List networks\n\nRun 'docker network COMMAND --help' for more information on a command.\n",
    );
  });

  it('leaf without visible flags has no Options section; calledAs changes the usage line', () => {
    const run2 = spec(['docker', 'run'], 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]', 'Create and run a new container from an image', [
      { long: 'detach', short: 'd', kind: 'bool', help: 'Run container in background and print container ID' },
      { long: 'help', kind: 'bool', help: 'Print usage' },
      { long: 'publish', short: 'p', kind: 'list', help: "Publish a container's port(s) to the host" },
      { long: 'hidden', kind: 'bool', help: 'x', hidden: true },
    ], { aliases: [['docker', 'container', 'run']] });
    expect(formatHelp(run2, [], ['docker', 'container', 'run'])).toBe(
      'Usage:  docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate and run a new container from an image\n\n' +
        'Aliases:\n  docker container run, docker run\n\nOptions:\n' +
        '  -d, --detach         Run container in background and print container ID\n' +
        '      --help           Print usage\n' +
        "  -p, --publish list   Publish a container's port(s) to the host\n",
    );
    const ins = spec(['docker', 'network', 'inspect'], 'docker network inspect [OPTIONS] NETWORK [NETWORK...]', 'Display detailed information on one or more networks', []);
    expect(formatHelp(ins)).toBe('Usage:  docker network inspect [OPTIONS] NETWORK [NETWORK...]\n\nDisplay detailed information on one or more networks\n');
  });

  it('aliases: management form first, then in-group aliases, stable', () => {
    const ps = spec(['docker', 'ps'], '', '', [], {
      aliases: [['docker', 'container', 'ls'], ['docker', 'container', 'list'], ['docker', 'container', 'ps']],
    });
    expect(aliasesLine(ps)).toBe('docker container ls, docker container list, docker container ps, docker ps');
    expect(aliasesLine(spec(['docker', 'network', 'ls'], '', '', [], { aliases: [['docker', 'network', 'list']] }))).toBe(
      'docker network ls, docker network list',
    );
  });
});

describe('formatFlagUsages', () => {
  it('defaults: quoted for strings, bare otherwise; backquoted varnames; narrow terminals', () => {
    const flags: FlagSpec[] = [
      { long: 'driver', short: 'd', kind: 'string', help: 'Driver to manage the Network', defaultText: 'bridge' },
      { long: 'last', short: 'n', kind: 'int', help: 'Show n last created containers (includes all states)', defaultText: '-1' },
      { long: 'ip', kind: 'string', help: 'IPv4 `address` (e.g., "172.30.100.104")' },
    ];
    expect(formatFlagUsages(flags, 79)).toBe(
      '  -d, --driver string   Driver to manage the Network (default "bridge")\n' +
        '      --ip address      IPv4 address (e.g., "172.30.100.104")\n' +
        '  -n, --last int        Show n last created containers (includes all\n' +
        '                        states) (default -1)\n',
    );
    // Less than 24 columns left for the text: wrapped as a block on the next line, indented 16.
    const long: FlagSpec[] = [{ long: 'a-very-long-flag-name-here', kind: 'string', help: 'Some help text that is long enough' }];
    expect(formatFlagUsages(long, 50)).toBe(
      '      --a-very-long-flag-name-here string   \n                Some help text that is long\n                enough\n',
    );
    // Still too narrow: pflag gives up and keeps the text on the same line.
    expect(formatFlagUsages(long, 39)).toBe('      --a-very-long-flag-name-here string   Some help text that is long enough\n');
  });
});

describe('formatRootHelp and unknown commands', () => {
  it('lays out docker --help', () => {
    const out = formatRootHelp([
      { name: 'run', short: 'Create and run a new container from an image', group: 'operation', top: 1 },
      { name: 'ps', short: 'List containers', group: 'operation', top: 3 },
      { name: 'exec', short: 'Execute a command in a running container', group: 'operation', top: 2 },
      { name: 'network', short: 'Manage networks', group: 'management' },
      { name: 'container', short: 'Manage containers', group: 'management' },
      { name: 'compose', short: 'Docker Compose', group: 'management', plugin: true },
      { name: 'port', short: 'List port mappings or a specific mapping for the container', group: 'operation' },
      { name: 'inspect', short: 'Return low-level information on Docker objects', group: 'operation' },
    ]);
    expect(out).toBe(
      [
        'Usage:  docker [OPTIONS] COMMAND',
        '',
        'A self-sufficient runtime for containers',
        '',
        'Common Commands:',
        '  run         Create and run a new container from an image',
        '  exec        Execute a command in a running container',
        '  ps          List containers',
        '',
        'Management Commands:',
        '  compose*    Docker Compose',
        '  container   Manage containers',
        '  network     Manage networks',
        '',
        'Commands:',
        '  inspect     Return low-level information on Docker objects',
        '  port        List port mappings or a specific mapping for the container',
        '',
        'Global Options:',
        '      --config string      Location of client config files (default',
        '                           "/root/.docker")',
        '  -c, --context string     Name of the context to use to connect to the',
        '                           daemon (overrides DOCKER_HOST env var and',
        '                           default context set with "docker context use")',
        '  -D, --debug              Enable debug mode',
        '  -H, --host string        Daemon socket to connect to',
        '  -l, --log-level string   Set the logging level ("debug", "info",',
        '                           "warn", "error", "fatal") (default "info")',
        '      --tls                Use TLS; implied by --tlsverify',
        '      --tlscacert string   Trust certs signed only by this CA (default',
        '                           "/root/.docker/ca.pem")',
        '      --tlscert string     Path to TLS certificate file (default',
        '                           "/root/.docker/cert.pem")',
        '      --tlskey string      Path to TLS key file (default',
        '                           "/root/.docker/key.pem")',
        '      --tlsverify          Use TLS and verify the remote',
        '  -v, --version            Print version information and quit',
        '',
        "Run 'docker COMMAND --help' for more information on a command.",
        '',
        'For more help on how to use Docker, head to https://docs.docker.com/go/guides/',
        '',
      ].join('\n'),
    );
    expect(formatRootHelp([], { tty: true })).toContain('\x1b[1mFor more help');
  });

  it('unknown command texts', () => {
    expect(unknownCommandMessage(['docker'], 'foo')).toBe("docker: unknown command: docker foo\n\nRun 'docker --help' for more information");
    expect(unknownCommandMessage(['docker', 'network'], 'foo')).toBe(
      "docker: unknown command: docker network foo\n\nUsage:  docker network\n\nRun 'docker network --help' for more information",
    );
  });
});
