import { describe, expect, it } from 'vitest';
import { Session } from '../../session.testutil';

describe('docker run -p HOSTIP:PORT:PORT (28.x: the daemon binds the host port itself)', () => {
  it('an address the host does not have: bind fails with EADDRNOTAVAIL and the container stays Created', () => {
    const s = new Session(1);
    s.run('docker pull nginx');
    const r = s.run('docker run -d --name web -p 192.168.1.100:8080:80 nginx');
    expect(r.code).toBe(125);
    expect(r.err).toMatch(
      /^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web \([0-9a-f]{64}\): failed to bind host port for 192\.168\.1\.100:8080:172\.17\.0\.2:80\/tcp: cannot assign requested address\n\nRun 'docker run --help' for more information\n$/,
    );
    expect(s.run('docker ps -a --format "{{.Names}} {{.Status}}"').out).toBe('web Created\n');
  });

  it("the host's own addresses, docker0's and any of 127/8 bind", () => {
    const s = new Session(1);
    expect(s.run('docker run -d --name web -p 192.168.1.10:8085:80 -p 127.0.0.2:8086:80 -p 172.17.0.1:8087:80 nginx').code).toBe(0);
    expect(s.run('docker port web').out).toBe('80/tcp -> 127.0.0.2:8086\n80/tcp -> 172.17.0.1:8087\n80/tcp -> 192.168.1.10:8085\n');
  });
});
