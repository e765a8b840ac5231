import { describe, expect, it } from 'vitest';
import { Session } from '../../../session.testutil';

describe('docker network prune --filter (moby daemon/prune.go NetworksPrune)', () => {
  function session(): Session {
    const s = new Session(1);
    s.run('docker network create plain');
    s.run('docker network create --label foo=bar lab1');
    s.run('docker network create --label foo=baz lab2');
    return s;
  }

  it('label=K=V removes only the matching networks', () => {
    const s = session();
    expect(s.run('docker network prune -f --filter label=foo=bar').out).toBe('Deleted Networks:\nlab1\n');
    expect(s.net('plain')).not.toBe('');
    expect(s.net('lab2')).not.toBe('');
  });

  it('label!=K removes the networks without the label', () => {
    const s = session();
    expect(s.run('docker network prune -f --filter label!=foo').out).toBe('Deleted Networks:\nplain\n');
  });

  it('until keeps networks created after the cut-off', () => {
    const s = session();
    expect(s.run('docker network prune -f --filter until=1h').out).toBe('');
    expect(s.run('docker network prune -f --filter until=1s').out).toBe('Deleted Networks:\nlab1\nlab2\nplain\n');
  });

  it('refuses keys the daemon does not accept, bad and repeated until', () => {
    const s = session();
    expect(s.run('docker network prune -f --filter driver=bridge')).toMatchObject({ err: "Error response from daemon: invalid filter 'driver'\n", code: 1 });
    expect(s.run('docker network prune -f --filter until=soon').err).toBe('Error response from daemon: failed to parse value as time or duration: "soon"\n');
    expect(s.run('docker network prune -f --filter until=1h --filter until=2h').err).toBe('Error response from daemon: more than one until filter specified\n');
    expect(s.net('plain')).not.toBe('');
  });

  it('the confirmation keeps the filters', () => {
    const s = session();
    s.run('docker network prune --filter label=foo=baz');
    expect(s.run('y').out).toBe('Deleted Networks:\nlab2\n');
  });
});
