import { describe, expect, it } from 'vitest';
import { createWorld } from '../../engine/createWorld';
import { HOST_NS } from '../../engine/ids';
import { ssText, type SsOptions } from './ss';
import { buildLab } from './testWorld';

const TLNP: SsOptions = { tcp: true, udp: false, listening: true, all: false, numeric: true, processes: true };

describe('ss (compact, non-tty layout of misc/ss.c render)', () => {
  it('ss -tlnp on a fresh host: sshd on both families', () => {
    const w = createWorld();
    const sshd = [...w.processes.values()].find((p) => p.cmd.startsWith('sshd'))?.pid;
    // The Process column is left-aligned and as wide as its longest token, so the header is padded.
    const users = ` users:(("sshd",pid=${sshd},fd=3))`;
    expect(ssText(w, HOST_NS, TLNP)).toBe(
      `State  Recv-Q Send-Q Local Address:Port Peer Address:Port${'Process'.padEnd(users.length)}\n` +
        `LISTEN 0      128          0.0.0.0:22        0.0.0.0:*    users:(("sshd",pid=${sshd},fd=3))\n` +
        `LISTEN 0      128             [::]:22           [::]:*    users:(("sshd",pid=${sshd},fd=4))\n`,
    );
  });
  it('docker-proxy listens for each published binding with the daemon-passed fd 4', () => {
    const lab = buildLab();
    const text = ssText(lab.world, HOST_NS, TLNP);
    const proxies = [...lab.world.processes.values()].filter((p) => p.cmd.includes('docker-proxy')).map((p) => p.pid);
    expect(text).toContain(`LISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*    users:(("docker-proxy",pid=${proxies[0]},fd=4))`);
    expect(text).toContain(`LISTEN 0      4096            [::]:8080         [::]:*    users:(("docker-proxy",pid=${proxies[1]},fd=4))`);
  });
  it('-tulpn adds the Netid column; without -p there is no Process column', () => {
    const w = createWorld();
    expect(ssText(w, HOST_NS, { ...TLNP, udp: true }).split('\n')[0]).toMatch(/^Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess/);
    expect(ssText(w, HOST_NS, { ...TLNP, processes: false })).toBe(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:Port\nLISTEN 0      128          0.0.0.0:22        0.0.0.0:*   \nLISTEN 0      128             [::]:22           [::]:*   \n',
    );
  });
  it('without -n ports are service names; without -l there are no (connected) sockets', () => {
    const w = createWorld();
    expect(ssText(w, HOST_NS, { ...TLNP, numeric: false, processes: false }).split('\n')[1]).toBe('LISTEN 0      128          0.0.0.0:ssh       0.0.0.0:*   ');
    expect(ssText(w, HOST_NS, { ...TLNP, listening: false, processes: false })).toBe('State Recv-Q Send-Q Local Address:Port Peer Address:Port\n');
  });
  it('an nginx container shows its own listeners, PID 1 in its namespace', () => {
    const lab = buildLab();
    const c = lab.world.docker.containers.get(lab.web);
    if (!c?.netns) throw new Error('no netns');
    const text = ssText(lab.world, c.netns, TLNP, { pidOf: (p) => (p === c.pid ? 1 : p) });
    expect(text).toContain('LISTEN 0      511          0.0.0.0:80        0.0.0.0:*    users:(("nginx",pid=1,fd=6))');
    expect(text).toContain('users:(("nginx",pid=1,fd=7))');
  });
});
