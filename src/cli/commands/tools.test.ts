import { describe, expect, it } from 'vitest';
import { createWorld } from '../../engine/createWorld';
import { run, spec } from '../../engine/testkit';
import { dispatch } from '../dispatch';
import { HOST, buildLab, inside } from '../format/testWorld';
import type { CommandOutput } from '../types';

const text = (r: CommandOutput) => r.out.map((o) => o.text).join('');

describe('cat', () => {
  const lab = buildLab();
  it('GNU and BusyBox word a missing file differently', () => {
    expect(dispatch(lab.world, HOST, ['cat', '/nope'])).toEqual({ out: [{ stream: 'err', text: 'cat: /nope: No such file or directory\n' }], exitCode: 1 });
    expect(dispatch(lab.world, inside(lab.a1), ['cat', '/nope'])).toEqual({ out: [{ stream: 'err', text: "cat: can't open '/nope': No such file or directory\n" }], exitCode: 1 });
    expect(dispatch(lab.world, HOST, ['cat', '/etc/docker/daemon.json'])).toEqual({ out: [{ stream: 'err', text: 'cat: /etc/docker/daemon.json: No such file or directory\n' }], exitCode: 1 });
  });
  it('prints files in order and keeps going after a failure', () => {
    const r = dispatch(lab.world, HOST, ['cat', '/etc/hostname', '/nope', '/proc/sys/net/ipv4/ip_forward']);
    expect(r.out).toEqual([{ stream: 'out', text: 'docker-host\n' }, { stream: 'err', text: 'cat: /nope: No such file or directory\n' }, { stream: 'out', text: '1\n' }]);
    expect(r.exitCode).toBe(1);
    expect(text(dispatch(lab.world, inside(lab.a1), ['cat', '/proc/sys/net/ipv4/ip_forward']))).toBe('0\n');
  });
});

describe('hostname', () => {
  const lab = buildLab();
  const a1 = lab.world.docker.containers.get(lab.a1);
  it('host name, Debian 127.0.1.1, every global address', () => {
    expect(text(dispatch(lab.world, HOST, ['hostname']))).toBe('docker-host\n');
    expect(text(dispatch(lab.world, HOST, ['hostname', '-i']))).toBe('127.0.1.1\n');
    expect(text(dispatch(lab.world, HOST, ['hostname', '-I']))).toBe('192.168.1.10 172.17.0.1 172.18.0.1 \n');
  });
  it('a container: its short id and the address Docker wrote in /etc/hosts', () => {
    expect(text(dispatch(lab.world, inside(lab.a1), ['hostname']))).toBe(`${a1?.hostname}\n`);
    expect(text(dispatch(lab.world, inside(lab.a1), ['hostname', '-i']))).toBe('172.17.0.3\n');
  });
  it('host mode takes the host name', () => {
    const h = run(lab.world, spec('alpine', { network: 'host', tty: true, openStdin: true }));
    expect(text(dispatch(h.world, inside(h.id), ['hostname']))).toBe('docker-host\n');
  });
});

describe('env, printenv, echo, whoami, uname, clear', () => {
  const lab = buildLab();
  it('a linked container sees the link variables', () => {
    const env = text(dispatch(lab.world, inside(lab.db), ['env']));
    expect(env).toContain('WEBSERVER_PORT=tcp://172.17.0.2:80\n');
    expect(env).toContain('WEBSERVER_NAME=/db/webserver\n');
    expect(dispatch(lab.world, inside(lab.db), ['printenv', 'WEBSERVER_PORT_80_TCP_ADDR'])).toEqual({ out: [{ stream: 'out', text: '172.17.0.2\n' }], exitCode: 0 });
    expect(dispatch(lab.world, inside(lab.db), ['printenv', 'NOPE'])).toEqual({ out: [], exitCode: 1 });
  });
  it('echo joins words, honours -n and -e', () => {
    expect(text(dispatch(lab.world, HOST, ['echo', 'a', 'b']))).toBe('a b\n');
    expect(text(dispatch(lab.world, HOST, ['echo', '-n', 'x']))).toBe('x');
    expect(text(dispatch(lab.world, HOST, ['echo', '-e', 'a\\tb']))).toBe('a\tb\n');
    expect(text(dispatch(lab.world, HOST, ['echo', '-x']))).toBe('-x\n');
  });
  it('whoami and uname', () => {
    expect(text(dispatch(lab.world, HOST, ['whoami']))).toBe('root\n');
    expect(text(dispatch(lab.world, { at: 'laptop' }, ['whoami']))).toBe('student\n');
    expect(text(dispatch(lab.world, HOST, ['uname', '-a']))).toBe('Linux docker-host 6.12.48+deb13-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.12.48-1 (2025-09-20) x86_64 GNU/Linux\n');
    expect(text(dispatch(lab.world, HOST, ['uname']))).toBe('Linux\n');
    expect(text(dispatch(lab.world, HOST, ['uname', '-r']))).toBe('6.12.48+deb13-amd64\n');
    expect(text(dispatch(lab.world, inside(lab.a1), ['uname', '-n']))).toBe(`${lab.world.docker.containers.get(lab.a1)?.hostname}\n`);
  });
  it('clear asks the console to wipe the screen', () => {
    expect(dispatch(lab.world, HOST, ['clear'])).toEqual({ out: [], exitCode: 0, clear: true });
  });
});

describe('ps', () => {
  const lab = buildLab();
  it('ps -ef shows dockerd → docker-proxy and shim → container process', () => {
    const out = text(dispatch(lab.world, HOST, ['ps', '-ef']));
    const dockerd = lab.world.docker.dockerdPid;
    expect(out).toMatch(new RegExp(`root +\\d+ +${dockerd}  0 09:00 \\? +00:00:00 /usr/bin/docker-proxy -proto tcp -host-ip 0\\.0\\.0\\.0 -host-port 8080 -container-ip 172\\.17\\.0\\.2 -container-port 80 -use-listen-fd\\n`));
    expect(out).toContain('nginx: master process nginx -g daemon off;\n');
    expect(out.split('\n')[0]).toBe('UID          PID    PPID  C STIME TTY          TIME CMD');
  });
  it('inside alpine: busybox ps, PID 1 is the container main process', () => {
    expect(text(dispatch(lab.world, inside(lab.a1), ['ps']))).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 /bin/sh\n    7 root      0:00 ps\n');
  });
  it('nginx has no ps; procps refuses unknown options', () => {
    expect(dispatch(lab.world, inside(lab.web, 'bash'), ['ps'])).toEqual({ out: [{ stream: 'err', text: 'bash: ps: command not found\n' }], exitCode: 127 });
    const bad = dispatch(lab.world, HOST, ['ps', '-Q']);
    expect(bad.exitCode).toBe(1);
    expect(text(bad).startsWith('error: unsupported SysV option\n\nUsage:\n ps [options]\n')).toBe(true);
  });
});

describe('ss, brctl, bridge from the console', () => {
  const lab = buildLab();
  it('ss -tlnp lists the docker-proxy listeners; bad options get getopt words', () => {
    expect(text(dispatch(lab.world, HOST, ['ss', '-tlnp']))).toContain('0.0.0.0:8080      0.0.0.0:*    users:(("docker-proxy",');
    expect(text(dispatch(lab.world, HOST, ['ss', '-tlnp', 'sport', '=', ':22']))).not.toContain('8080');
    const bad = dispatch(lab.world, HOST, ['ss', '-k']);
    expect(bad.exitCode).toBe(255);
    expect(text(bad).startsWith("ss: invalid option -- 'k'\nUsage: ss [ OPTIONS ]\n")).toBe(true);
  });
  it('alpine has no ss (BusyBox has no such applet)', () => {
    expect(dispatch(lab.world, inside(lab.a1), ['ss', '-tln'])).toEqual({ out: [{ stream: 'err', text: 'sh: ss: not found\n' }], exitCode: 127 });
  });
  it('brctl: usage without a command, unknown commands, show of one bridge', () => {
    const none = dispatch(lab.world, HOST, ['brctl']);
    expect(none.exitCode).toBe(1);
    expect(text(none).startsWith('Usage: brctl [commands]\ncommands:\n')).toBe(true);
    expect(dispatch(lab.world, HOST, ['brctl', 'foo']).out[0]).toEqual({ stream: 'err', text: 'never heard of command [foo]\n' });
    expect(text(dispatch(lab.world, HOST, ['brctl', 'show', 'docker0']))).toMatch(/^bridge name\tbridge id\t\tSTP enabled\tinterfaces\ndocker0\t\t8000\.[0-9a-f]{12}\tno\t\tveth/);
  });
  it('bridge link and its errors', () => {
    expect(text(dispatch(lab.world, HOST, ['bridge', 'link']))).toContain('master docker0 state forwarding priority 32 cost 2 \n');
    expect(dispatch(lab.world, HOST, ['bridge', 'link', 'show', 'dev', 'eth9'])).toEqual({ out: [{ stream: 'err', text: 'Cannot find device "eth9"\n' }], exitCode: 255 });
    expect(dispatch(createWorld(), HOST, ['bridge', 'link'])).toEqual({ out: [], exitCode: 0 });
  });
});
