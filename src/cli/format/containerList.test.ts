import { describe, expect, it } from 'vitest';
import { createWorld } from '../../engine/createWorld';
import { createContainer, pullImage, type CreateSpec } from '../../engine/docker/create';
import { startContainer, stopContainer } from '../../engine/docker/lifecycle';
import type { Container } from '../../engine/docker/types';
import type { World } from '../../engine/world';
import { PS_DEFAULT_FORMAT, PS_HEADER, ellipsis, familiarImage, psRow, statusText, summaryCommand } from './containerList';
import { formatRows } from './gotemplate';

const SPEC: CreateSpec = { image: 'nginx', cmd: [], env: [], network: '', aliases: [], links: [], publish: [], publishAll: false, expose: [], autoRemove: false, tty: false, openStdin: false };

function get(w: World, name: string): Container {
  const id = w.docker.containerNames.get(name);
  const c = id ? w.docker.containers.get(id) : undefined;
  if (!c) throw new Error(name);
  return c;
}

function run(w0: World, spec: Partial<CreateSpec>): World {
  const c = createContainer(w0, { ...SPEC, ...spec });
  if (!c.ok) throw new Error(c.error.code);
  const s = startContainer(c.value.world, c.value.id);
  if (!s.ok) throw new Error(s.error.code);
  return s.value.world;
}

describe('ps columns', () => {
  it('STATUS follows State.String()', () => {
    const c = { state: 'running', startedAt: 1_000, finishedAt: 0, exitCode: 0 } as Container;
    expect(statusText(c, 6_000)).toBe('Up 5 seconds');
    expect(statusText(c, 1_500)).toBe('Up Less than a second');
    expect(statusText({ ...c, state: 'exited', finishedAt: 10_000, exitCode: 137 }, 13_000)).toBe('Exited (137) 3 seconds ago');
    expect(statusText({ ...c, state: 'created', startedAt: 0 }, 13_000)).toBe('Created');
  });

  it('COMMAND: arguments with spaces single-quoted, then quoted and cut to 20 with …', () => {
    const c = { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] } as unknown as Container;
    expect(summaryCommand(c)).toBe("/docker-entrypoint.sh nginx -g 'daemon off;'");
    expect(ellipsis(summaryCommand(c), 20)).toBe('/docker-entrypoint.…');
    expect(ellipsis('/bin/sh', 20)).toBe('/bin/sh');
    expect(ellipsis('12345678901234567890', 20)).toBe('12345678901234567890');
  });

  it('IMAGE: the familiar reference', () => {
    expect(familiarImage('docker.io/library/nginx:latest')).toBe('nginx:latest');
    expect(familiarImage('library/alpine')).toBe('alpine');
    expect(familiarImage('nginx')).toBe('nginx');
  });
});

describe('docker ps default table', () => {
  it('lays the columns out with the tabwriter (min 10, padding 3), newest first', () => {
    const p = pullImage(createWorld(), 'nginx');
    if (!p.ok) throw new Error('pull');
    let w = run(p.value.world, { name: 'web', publish: [{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: '8080' }] });
    w = { ...w, clock: w.clock + 3_000 };
    w = run(w, { name: 'plain' });
    w = { ...w, clock: w.clock + 62_000 };
    const stopped = stopContainer(w, 'plain');
    if (!stopped.ok) throw new Error('stop');
    w = { ...stopped.value.world, clock: stopped.value.world.clock + 4_000 };
    const rows = [get(w, 'plain'), get(w, 'web')].map((c) => psRow(w, c, { trunc: true, size: false }));
    const r = formatRows(PS_DEFAULT_FORMAT, rows, PS_HEADER, { objects: 'struct' });
    const plain = get(w, 'plain').id.slice(0, 12);
    const web = get(w, 'web').id.slice(0, 12);
    expect(r).toEqual({
      ok: true,
      output: [
        'CONTAINER ID   IMAGE     COMMAND                  CREATED              STATUS                     PORTS                                     NAMES',
        `${plain}   nginx     "/docker-entrypoint.…"   About a minute ago   Exited (0) 4 seconds ago                                             plain`,
        `${web}   nginx     "/docker-entrypoint.…"   About a minute ago   Up About a minute          0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web`,
        '',
      ].join('\n'),
    });
  });

  it('row keys are the ContainerContext methods in sorted order (what {{json .}} prints)', () => {
    const p = pullImage(createWorld(), 'nginx');
    if (!p.ok) throw new Error('pull');
    const w = run(p.value.world, { name: 'web' });
    const row = psRow(w, get(w, 'web'), { trunc: true, size: false });
    expect(Object.keys(row)).toEqual(['Command', 'CreatedAt', 'ID', 'Image', 'Labels', 'LocalVolumes', 'Mounts', 'Names', 'Networks', 'Platform', 'Ports', 'RunningFor', 'Size', 'State', 'Status']);
    expect(row).toMatchObject({ CreatedAt: '2026-11-27 09:00:00 +0000 UTC', Ports: '80/tcp', Networks: 'bridge', Size: '0B', State: 'running', Platform: null });
  });
});
