import { describe, expect, it } from 'vitest';
import { Session } from '../../session.testutil';


function lab(): Session {
  const s = new Session(7);
  s.run('docker pull nginx');
  s.run('docker pull alpine');
  s.run('docker pull redis');
  return s;
}

describe('docker ps', () => {
  it('lists running containers newest first; -a adds the others; -q prints IDs', () => {
    const s = lab();
    s.run('docker run -d --name web -p 8080:80 nginx');
    s.run('docker create --name later alpine');
    const ps = s.run('docker ps');
    expect(ps.code).toBe(0);
    const web = s.id('web').slice(0, 12);
    expect(ps.out).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS                                     NAMES\n' +
        `${web}   nginx     "/docker-entrypoint.…"   6 seconds ago   Up 6 seconds   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web\n`,
    );
    const all = s.run('docker ps -a --format "{{.Names}} {{.Status}}"');
    expect(all.out).toBe('later Created\nweb Up 9 seconds\n');
    expect(s.run('docker ps -q').out).toBe(`${web}\n`);
    expect(s.run('docker ps -aq --no-trunc').out).toBe(`${s.id('later')}\n${s.id('web')}\n`);
    expect(s.run('docker container ls -l --format "{{.Names}}"').out).toBe('later\n');
    expect(s.run('docker ps -n 5 --format "{{.Names}}"').out).toBe('later\nweb\n');
  });

  it('table directive, json, and format errors', () => {
    const s = lab();
    s.run('docker run -d --name web nginx');
    expect(s.run('docker ps --format "table {{.Names}}\\t{{.Ports}}"').out).toBe('NAMES     PORTS\nweb       80/tcp\n');
    const json = s.run('docker ps --format json').out;
    expect(json).toMatch(/^\{"Command":"\\"\/docker-entrypoint\.…\\"","CreatedAt":"2026-11-27 09:00:\d\d \+0000 UTC","ID":"[0-9a-f]{12}","Image":"nginx",/);
    expect(json).toMatch(/"State":"running","Status":"Up \d+ seconds"\}\n$/);
    const bad = s.run('docker ps --format "{{.Nope}}"');
    expect(bad).toEqual({
      out: '',
      err: 'failed to execute template: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext\n',
      code: 1,
    });
    expect(s.run('docker ps --format "{{.Names"').err).toMatch(/^failed to parse template: template: :1: /);
    const quiet = s.run('docker ps -q --format "{{.Names}}"');
    expect(quiet.err).toBe('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    expect(quiet.out).toBe(`${s.id('web').slice(0, 12)}\n`);
  });

  it('filters: name (regexp), id, status, network, ancestor, publish/expose, label errors', () => {
    const s = lab();
    s.run('docker network create backend');
    s.run('docker run -d --name web -p 8080:80 nginx');
    s.run('docker run -d --name webapp --network backend nginx');
    s.run('docker run -d --name cache redis');
    s.run('docker create --name idle alpine');
    const names = (f: string) => s.run(`docker ps -a ${f} --format "{{.Names}}"`).out.trim().split('\n').filter(Boolean);
    expect(names('-f name=web')).toEqual(['webapp', 'web']);
    expect(names('-f name=^web$')).toEqual(['web']);
    expect(names(`-f id=${s.id('cache').slice(0, 6)}`)).toEqual(['cache']);
    expect(names('-f status=created')).toEqual(['idle']);
    expect(s.run('docker ps -f status=exited --format "{{.Names}}"').out).toBe('');
    expect(names('-f network=backend')).toEqual(['webapp']);
    expect(names('-f ancestor=redis')).toEqual(['cache']);
    // publish matches the host port, expose the container port (daemon/list.go).
    expect(names('-f publish=8080')).toEqual(['web']);
    expect(names('-f publish=80')).toEqual([]);
    expect(names('-f expose=6000-6400/tcp')).toEqual(['cache']);
    expect(names('-f expose=80/udp')).toEqual([]);
    expect(s.run('docker ps -f foo=bar')).toEqual({ out: '', err: "Error response from daemon: invalid filter 'foo'\n", code: 1 });
    expect(s.run('docker ps -f status=sleeping').err).toBe(
      "Error response from daemon: invalid filter 'status=sleeping': invalid value for state (sleeping): must be one of created, running, paused, restarting, removing, exited, dead\n",
    );
    expect(s.run('docker ps -f publish=80:80').err).toBe("Error response from daemon: filter for 'publish' should not contain ':': 80:80\n");
    const flagErr = s.run('docker ps -f web');
    expect(flagErr.code).toBe(125);
    expect(flagErr.err).toBe(
      'invalid argument "web" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  docker ps [OPTIONS]\n\nRun \'docker ps --help\' for more information\n',
    );
  });
});

describe('docker port', () => {
  it('lists bindings natural-sorted and looks one up', () => {
    const s = lab();
    s.run('docker run -d --name web -p 8080:80 -p 127.0.0.1:8443:443 nginx');
    expect(s.run('docker port web').out).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n443/tcp -> 127.0.0.1:8443\n');
    expect(s.run('docker container port web 80/tcp').out).toBe('0.0.0.0:8080\n[::]:8080\n');
    expect(s.run('docker port web 80/udp')).toEqual({ out: '', err: "Error: No public port '80/udp' published for web\n", code: 1 });
    expect(s.run('docker port nope')).toEqual({ out: '', err: 'Error response from daemon: No such container: nope\n', code: 1 });
    s.run('docker run -d --name plain redis');
    expect(s.run('docker port plain')).toEqual({ out: '', err: '', code: 0 });
  });
});

describe('docker logs', () => {
  it('prints the log, --tail N, and -t stamps', () => {
    const s = lab();
    s.run('docker run -d --name web nginx');
    const logs = s.w.docker.containers.get(s.id('web') as never)?.logs ?? [];
    expect(logs.length).toBeGreaterThan(2);
    expect(s.run('docker logs web').out).toBe(logs.map((l) => `${l}\n`).join(''));
    expect(s.run('docker logs --tail 2 web').out).toBe(logs.slice(-2).map((l) => `${l}\n`).join(''));
    expect(s.run('docker logs -n 0 web').out).toBe('');
    expect(s.run('docker logs --tail abc web').out.split('\n').length).toBe(logs.length + 1);
    expect(s.run('docker logs -t --tail 1 web').out).toMatch(/^2026-11-27T09:00:\d\d\.\d{9}Z /);
    expect(s.run('docker logs nope').err).toBe('Error response from daemon: No such container: nope\n');
  });
});

describe('docker start / stop / restart / kill / rm', () => {
  it('start and stop print each name as typed; errors gathered', () => {
    const s = lab();
    s.run('docker create --name one nginx');
    s.run('docker create --name two nginx');
    const started = s.run('docker start one nope two');
    expect(started).toEqual({
      out: 'one\ntwo\n',
      err: 'Error response from daemon: No such container: nope\nError: failed to start containers: nope\n',
      code: 1,
    });
    expect(s.run(`docker stop ${s.id('one').slice(0, 8)} two`).out).toBe(`${s.id('one').slice(0, 8)}\ntwo\n`);
    // Stopping a stopped container succeeds (the daemon answers 304).
    expect(s.run('docker stop two')).toEqual({ out: 'two\n', err: '', code: 0 });
    expect(s.run('docker stop a1 b2')).toEqual({ out: '', err: 'Error response from daemon: No such container: a1\nError response from daemon: No such container: b2\n', code: 1 });
    expect(s.run('docker stop --time 1 --timeout 2 two').err).toBe('conflicting options: cannot specify both --timeout and --time\n');
    expect(s.run('docker ps -a --format "{{.Names}} {{.State}}"').out).toBe('two exited\none exited\n');
  });

  it('restart starts a stopped container and restarts a running one', () => {
    const s = lab();
    s.run('docker run -d --name web nginx');
    s.run('docker create --name idle nginx');
    expect(s.run('docker restart web idle')).toEqual({ out: 'web\nidle\n', err: '', code: 0 });
    expect(s.run('docker ps --format "{{.Names}} {{.Status}}"').out).toBe('idle Up 3 seconds\nweb Up 3 seconds\n');
    expect(s.run('docker restart ghost').err).toBe('Error response from daemon: No such container: ghost\n');
  });

  it('kill: SIGKILL, exit 137; a stopped container is an error', () => {
    const s = lab();
    s.run('docker run -d --name web nginx');
    expect(s.run('docker kill web')).toEqual({ out: 'web\n', err: '', code: 0 });
    expect(s.run('docker ps -a --format "{{.Status}}"').out).toBe('Exited (137) 3 seconds ago\n');
    expect(s.run('docker kill web').err).toBe(`Error response from daemon: cannot kill container: web: container ${s.id('web')} is not running\n`);
    expect(s.run('docker kill ghost').err).toBe('Error response from daemon: cannot kill container: ghost: No such container: ghost\n');
  });

  it('rm: a running container needs -f; -f ignores missing ones (printed, exit 0)', () => {
    const s = lab();
    s.run('docker run -d --name web nginx');
    s.run('docker create --name idle nginx');
    expect(s.run('docker rm web idle')).toEqual({
      out: 'idle\n',
      err: 'Error response from daemon: cannot remove container "web": container is running: stop the container before removing or force remove\n',
      code: 1,
    });
    expect(s.run('docker rm -f web ghost')).toEqual({ out: 'web\n', err: 'Error response from daemon: No such container: ghost\n', code: 0 });
    expect(s.run('docker rm ghost')).toEqual({ out: '', err: 'Error response from daemon: No such container: ghost\n', code: 1 });
    expect(s.run('docker ps -aq').out).toBe('');
  });

  it('start -a shows what the container prints; multiple targets are refused', () => {
    const s = lab();
    s.run('docker create --name web nginx');
    const r = s.run('docker start -a web');
    expect(r.code).toBe(0);
    expect(r.out).toContain('/docker-entrypoint.sh:');
    expect(s.run('docker start -a web idle').err).toBe('you cannot start and attach multiple containers at once\n');
  });
});

describe('docker create', () => {
  it('prints the full ID; errors are wrapped for create', () => {
    const s = lab();
    const r = s.run('docker create --name box alpine');
    expect(r).toEqual({ out: `${s.id('box')}\n`, err: '', code: 0 });
    expect(s.id('box')).toMatch(/^[0-9a-f]{64}$/);
    const dup = s.run('docker create --name box alpine');
    expect(dup.code).toBe(125);
    expect(dup.err).toBe(
      `docker: Error response from daemon: Conflict. The container name "/box" is already in use by container "${s.id('box')}". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'docker create --help' for more information\n`,
    );
    expect(s.run('docker ps -a --format "{{.Status}}"').out).toBe('Created\n');
  });
});
