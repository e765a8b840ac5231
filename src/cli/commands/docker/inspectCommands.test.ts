import { describe, expect, it } from 'vitest';
import { Session } from '../../session.testutil';

describe('docker inspect', () => {
  it('containers first; -f templates over the inspect object', () => {
    const s = new Session(11);
    s.run('docker run -d --name web -p 8080:80 nginx');
    const f = (t: string) => s.run(`docker inspect -f '${t}' web`).out;
    expect(f('{{.NetworkSettings.IPAddress}}')).toBe('172.17.0.2\n');
    expect(f('{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}')).toBe('172.17.0.2\n');
    expect(f('{{json .NetworkSettings.Ports}}')).toBe('{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"},{"HostIp":"::","HostPort":"8080"}]}\n');
    expect(f('{{.HostConfig.NetworkMode}} {{.Name}} {{.State.Running}}')).toBe('bridge /web true\n');
    expect(f('{{index .Config.ExposedPorts "80/tcp"}}|{{.HostConfig.Links}}')).toBe('{}|[]\n');
    const full = s.run('docker inspect web');
    expect(full.code).toBe(0);
    expect(full.out.startsWith(`[\n    {\n        "Id": "${s.id('web')}",\n        "Created": "`)).toBe(true);
    expect(full.out.endsWith('        }\n    }\n]\n')).toBe(true);
    expect(s.run('docker container inspect --format "{{.Id}}" web').out).toBe(`${s.id('web')}\n`);
  });

  it('not found: [] on stdout, the error on stderr, exit 1', () => {
    const s = new Session(11);
    expect(s.run('docker inspect nothing')).toEqual({ out: '[]\n', err: 'Error: No such object: nothing\n', code: 1 });
    expect(s.run('docker inspect -f "{{.Name}}" nothing')).toEqual({ out: '\n', err: 'Error: No such object: nothing\n', code: 1 });
    expect(s.run('docker container inspect nothing')).toEqual({ out: '[]\n', err: 'Error response from daemon: No such container: nothing\n', code: 1 });
    expect(s.run('docker network inspect nothing')).toEqual({ out: '[]\n', err: 'Error response from daemon: network nothing not found\n', code: 1 });
    expect(s.run('docker inspect --type container bridge').err).toBe('Error response from daemon: No such container: bridge\n');
    expect(s.run('docker inspect --type volume x').err).toBe('Error response from daemon: get x: no such volume\n');
    expect(s.run('docker inspect --type foo x').err).toBe(
      'unknown type: "foo": must be one of "config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"\n',
    );
  });

  it('then images, then networks; several objects in one array; partial failure', () => {
    const s = new Session(11);
    s.run('docker pull alpine');
    const r = s.run('docker inspect -f "{{.Id}}" alpine bridge ghost');
    expect(r.out).toBe(`sha256:${s.w.docker.images.has('alpine:latest') ? '706db57fb2063f39f69632c5b5c9c439633fda35110e65587c5d85553fd1cc38' : ''}\n${s.net('bridge')}\n`);
    expect(r.err).toBe('Error: No such object: ghost\n');
    expect(r.code).toBe(1);
    const two = s.run('docker network inspect host none').out;
    expect(two.match(/^ {4}\{$/gm)?.length).toBe(2);
    expect(s.run('docker inspect --format json bridge').out).toMatch(/^\[\{"Name":"bridge","Id":"[0-9a-f]{64}","Created":"[^"]+","Scope":"local",/);
    expect(s.run('docker inspect -s bridge').err).toBe('WARNING: --size ignored for network\n');
  });

  it('template errors: parse errors exit 64, execution errors fall back to the raw map', () => {
    const s = new Session(11);
    s.run('docker run -d --name web nginx');
    expect(s.run('docker inspect -f "{{.Name" web')).toMatchObject({ out: '', code: 64 });
    expect(s.run('docker inspect -f "{{.Name" web').err).toMatch(/^template parsing error: template: :1: /);
    const missing = s.run('docker inspect -f "{{.Nope}}" web');
    expect(missing).toEqual({ out: '\n', err: 'template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"\n', code: 1 });
  });

  it('network inspect -f: time.Time Created and the Containers map', () => {
    const s = new Session(11);
    s.run('docker network create appnet');
    s.run('docker run -d --name api --network appnet nginx');
    expect(s.run('docker network inspect -f "{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}" appnet').out).toBe('api 172.18.0.2/16\n');
    expect(s.run('docker network inspect -f "{{.Created}}" appnet').out).toMatch(/^2026-11-27 09:00:\d\d(\.\d+)? \+0000 UTC\n$/);
    expect(s.run('docker network inspect -f "{{json .IPAM.Config}}" appnet').out).toBe('[{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]\n');
  });
});

describe('recorded options in inspect and ps', () => {
  it('labels (--label on create), --dns / --add-host, legacy links', () => {
    const s = new Session(11);
    s.run('docker create --name tagged --label app=web --label tier alpine');
    expect(s.run('docker inspect -f "{{json .Config.Labels}}" tagged').out).toBe('{"app":"web","tier":""}\n');
    expect(s.run('docker ps -a -f label=app=web --format "{{.Names}} {{.Labels}}"').out).toBe('tagged app=web,tier=\n');
    expect(s.run('docker ps -a -f label=app=db -q').out).toBe('');
    s.run('docker run -d --name resolver --dns 1.1.1.1 --add-host gw:10.0.0.1 nginx');
    expect(s.run('docker inspect -f "{{.HostConfig.Dns}} {{.HostConfig.ExtraHosts}} {{.HostConfig.DnsSearch}}" resolver').out).toBe('[1.1.1.1] [gw:10.0.0.1] []\n');
    s.run('docker run -d --name db redis');
    s.run('docker run -d --name app --link db:database nginx');
    expect(s.run('docker inspect -f "{{json .HostConfig.Links}}" app').out).toBe('["/db:/app/database"]\n');
    expect(s.run('docker ps --no-trunc -f name=db --format "{{.Names}}"').out).toBe('app/database,db\n');
    expect(s.run('docker ps -f name=db --format "{{.Names}}"').out).toBe('db\n');
  });
});

describe('docker network ls', () => {
  it('default table, natural order by name, -q, --no-trunc', () => {
    const s = new Session(11);
    s.run('docker network create net10');
    s.run('docker network create net2');
    const id = (n: string) => s.net(n).slice(0, 12);
    expect(s.run('docker network ls').out).toBe(
      [
        'NETWORK ID     NAME      DRIVER    SCOPE',
        `${id('bridge')}   bridge    bridge    local`,
        `${id('host')}   host      host      local`,
        `${id('net2')}   net2      bridge    local`,
        `${id('net10')}   net10     bridge    local`,
        `${id('none')}   none      null      local`,
        '',
      ].join('\n'),
    );
    expect(s.run('docker network ls -q').out).toBe(['bridge', 'host', 'net2', 'net10', 'none'].map((n) => `${id(n)}\n`).join(''));
    expect(s.run('docker network list --no-trunc -q -f name=net1').out).toBe(`${s.net('net10')}\n`);
  });

  it('filters: type, driver, name, id, and bad values', () => {
    const s = new Session(11);
    s.run('docker network create appnet');
    const names = (f: string) => s.run(`docker network ls ${f} --format "{{.Name}}"`).out.trim().split('\n').filter(Boolean);
    expect(names('-f type=custom')).toEqual(['appnet']);
    expect(names('-f type=builtin')).toEqual(['bridge', 'host', 'none']);
    expect(names('-f type=custom -f type=builtin')).toEqual(['appnet', 'bridge', 'host', 'none']);
    expect(names('-f driver=bridge')).toEqual(['appnet', 'bridge']);
    expect(names('-f driver=null')).toEqual(['none']);
    expect(names('-f name=app')).toEqual(['appnet']);
    expect(names(`-f id=${s.net('host').slice(0, 5)}`)).toEqual(['host']);
    expect(s.run('docker network ls -f type=mine').err).toBe("Error response from daemon: invalid filter: 'type'='mine'\n");
    expect(s.run('docker network ls -f color=red').err).toBe("Error response from daemon: invalid filter 'color'\n");
    expect(s.run('docker network ls --format "{{.Name}} {{.IPv4}} {{.Internal}}" -f name=bridge').out).toBe('bridge true false\n');
    expect(s.run('docker network ls --format json -f name=none').out).toMatch(/^\{"CreatedAt":"2026-11-27 09:00:00(\.\d+)? \+0000 UTC","Driver":"null","ID":"[0-9a-f]{12}","IPv4":"true","IPv6":"false","Internal":"false","Labels":"","Name":"none","Scope":"local"\}\n$/);
  });
});

describe('docker images / docker pull', () => {
  it('pull prints the progress and the canonical reference; again: up to date', () => {
    const s = new Session(11);
    const first = s.run('docker pull nginx');
    const lines = first.out.trimEnd().split('\n');
    expect(lines[0]).toBe('Using default tag: latest');
    expect(lines[1]).toBe('latest: Pulling from library/nginx');
    expect(lines[lines.length - 2]).toBe('Status: Downloaded newer image for nginx:latest');
    expect(lines[lines.length - 1]).toBe('docker.io/library/nginx:latest');
    const again = s.run('docker image pull nginx:latest');
    expect(again.out).toBe(
      'latest: Pulling from library/nginx\nDigest: sha256:553f64aecdc31b5bf944521731cd70e35da4faed96b2b7548a3d8e2598c52a42\nStatus: Image is up to date for nginx:latest\ndocker.io/library/nginx:latest\n',
    );
    expect(s.run('docker pull -q alpine').out).toBe('docker.io/library/alpine:latest\n');
    expect(s.run('docker pull Nginx')).toEqual({ out: '', err: 'invalid reference format: repository name (library/Nginx) must be lowercase\n', code: 1 });
    expect(s.run('docker pull nosuchimage').err).toBe(
      "Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    );
  });

  it('images: classic table, newest first, sizes with 3 significant digits', () => {
    const s = new Session(11);
    expect(s.run('docker images').out).toBe('REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n');
    s.run('docker pull alpine');
    s.run('docker pull nginx');
    s.run('docker pull python');
    expect(s.run('docker images').out).toBe(
      [
        'REPOSITORY   TAG       IMAGE ID       CREATED       SIZE',
        'nginx        latest    4af177a024eb   3 weeks ago   192MB',
        'python       latest    a7b8c9d0e1f2   3 weeks ago   1.12GB',
        'alpine       latest    706db57fb206   6 weeks ago   8.31MB',
        '',
      ].join('\n'),
    );
    expect(s.run('docker image ls -q alpine').out).toBe('706db57fb206\n');
    expect(s.run('docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}" -f reference=py*').out).toBe('python:latest 1.12GB\n');
    expect(s.run('docker images ls')).toEqual({
      out: 'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n',
      err: '\nNo images found matching "ls": did you mean "docker image ls"?\n',
      code: 0,
    });
  });
});
