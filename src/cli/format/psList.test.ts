import { describe, expect, it } from 'vitest';
import { EPOCH_MS, createWorld } from '../../engine/createWorld';
import { busyboxPs, commOf, displayCmd, procpsLine, psAux, psEf, rowOf } from './psList';
import { buildLab } from './testWorld';

describe('procps layouts', () => {
  it('ps aux / ps -ef headers with procps 4 widths (PID 7 wide)', () => {
    expect(psAux([]).trimEnd()).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(psEf([]).trimEnd()).toBe('UID          PID    PPID  C STIME TTY          TIME CMD');
  });
  it('init as ps aux and ps -ef print it', () => {
    const w = createWorld();
    const init = w.processes.get(1);
    if (!init) throw new Error('no init');
    const r = rowOf(w, init, EPOCH_MS);
    expect(psAux([r]).split('\n')[1]).toBe('root           1  0.0  0.3 168008 12896 ?        Ss   09:00   0:01 /sbin/init');
    expect(psEf([r]).split('\n')[1]).toBe('root           1       0  0 09:00 ?        00:00:01 /sbin/init');
  });
  it('an overflowing field borrows the padding of the next one', () => {
    expect(procpsLine([{ text: '2322764', width: 6, right: true }, { text: '83396', width: 5, right: true }, { text: '?', width: 8 }, { text: 'Ssl', width: 0 }])).toBe('2322764 83396 ?       Ssl');
  });
});

describe('Docker processes on the host', () => {
  const lab = buildLab();
  const w = lab.world;
  const web = w.docker.containers.get(lab.web);
  it('each container runs under its own containerd-shim-runc-v2', () => {
    const main = web ? w.processes.get(web.pid) : undefined;
    const shim = main ? w.processes.get(main.ppid) : undefined;
    expect(shim?.cmd).toBe(`/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${lab.web} -address /run/containerd/containerd.sock`);
    expect(shim?.ppid).toBe(1);
  });
  it('docker-proxy keeps its full command line, nginx retitles itself', () => {
    const proxy = [...w.processes.values()].find((p) => p.cmd.includes('docker-proxy'));
    expect(proxy?.cmd).toBe('/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80 -use-listen-fd');
    expect(displayCmd('/docker-entrypoint.sh nginx -g daemon off;')).toBe('nginx: master process nginx -g daemon off;');
    expect(commOf('/docker-entrypoint.sh nginx -g daemon off;')).toBe('nginx');
    expect(commOf('/usr/bin/containerd-shim-runc-v2 -namespace moby')).toBe('containerd-shim');
    expect(commOf('sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups')).toBe('sshd');
  });
});

describe('busybox ps', () => {
  it('prints PID USER TIME COMMAND with busybox widths', () => {
    const rows = [{ user: 'root', pid: 1, ppid: 0, tty: '?', stat: 'Ss', start: '09:00', time: 0, vsz: 1, rss: 1, cmd: '/bin/sh' }];
    expect(busyboxPs(rows)).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 /bin/sh\n');
  });
});
