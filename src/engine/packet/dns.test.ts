import { describe, expect, it } from 'vitest';
import { createWorld } from '../createWorld';
import { HOST_NS } from '../ids';
import { resolveName, EMBEDDED_DNS } from './dns';
import { counters, ipOf, network, run } from './packet.testutil';

describe('resolveName', () => {
  it('user-defined network: the embedded DNS answers container names and aliases', () => {
    const w0 = network(createWorld(), 'appnet');
    const web = run(w0, 'nginx', { name: 'web', network: 'appnet', aliases: ['frontend'] });
    const cli = run(web.world, 'alpine', { name: 'client', network: 'appnet' });
    for (const name of ['web', 'frontend', 'WEB']) {
      const r = resolveName(cli.world, cli.netns, name);
      expect(r.addresses).toEqual([ipOf(cli.world, web.netns)]);
      expect(r.server).toBe(EMBEDDED_DNS);
      expect(r.source).toBe('embedded-dns');
    }
  });

  it('user-defined network: other names are forwarded to the host resolver from the host namespace', () => {
    const w0 = network(createWorld(), 'appnet');
    const cli = run(w0, 'alpine', { name: 'client', network: 'appnet' });
    const r = resolveName(cli.world, cli.netns, 'google.com');
    expect(r.addresses).toEqual(['142.250.190.78']);
    expect(r.server).toBe(EMBEDDED_DNS);
    expect(r.hops.find((h) => h.kind === 'send' && h.netns === HOST_NS)).toBeDefined();
    expect(resolveName(cli.world, cli.netns, 'nosuch.example').error).toBe('nxdomain');
  });

  it('a name on another network is not resolvable (aliases are per network)', () => {
    let w = network(createWorld(), 'netA');
    w = network(w, 'netB');
    const web = run(w, 'nginx', { name: 'web', network: 'netA' });
    const cli = run(web.world, 'alpine', { name: 'client', network: 'netB' });
    const r = resolveName(cli.world, cli.netns, 'web');
    expect(r.addresses).toEqual([]);
    expect(r.error).toBe('nxdomain');
  });

  it('default bridge: no container names, queries go to the router through MASQUERADE', () => {
    const web = run(createWorld(), 'nginx', { name: 'web' });
    const cli = run(web.world, 'alpine', { name: 'client' });
    const miss = resolveName(cli.world, cli.netns, 'web');
    expect(miss.addresses).toEqual([]);
    expect(miss.server).toBe('192.168.1.1');
    expect(miss.error).toBe('nxdomain');
    const hit = resolveName(cli.world, cli.netns, 'example.com');
    expect(hit.addresses).toEqual(['93.184.215.14']);
    expect(counters(hit.world, 'nat', '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE').pkts).toBe(1);
  });

  it('default bridge: --link names come from /etc/hosts', () => {
    const db = run(createWorld(), 'nginx', { name: 'db' });
    const app = run(db.world, 'alpine', { name: 'app', links: ['db:database'] });
    for (const name of ['database', 'db']) {
      const r = resolveName(app.world, app.netns, name);
      expect(r.addresses).toEqual([ipOf(app.world, db.netns)]);
      expect(r.source).toBe('hosts');
      expect(r.server).toBeNull();
    }
    // nslookup skips /etc/hosts and asks the nameserver, which has never heard of "database".
    expect(resolveName(app.world, app.netns, 'database', { hostsFile: false }).error).toBe('nxdomain');
  });

  it('the host resolves through the router; a none container cannot reach any nameserver', () => {
    const host = resolveName(createWorld(), HOST_NS, 'github.com');
    expect(host.addresses).toEqual(['140.82.112.3']);
    expect(host.server).toBe('192.168.1.1');
    const none = run(createWorld(), 'alpine', { network: 'none' });
    const r = resolveName(none.world, none.netns, 'github.com');
    expect(r.addresses).toEqual([]);
    expect(r.error).toBe('no-route');
    expect(resolveName(none.world, none.netns, 'localhost').addresses).toEqual(['127.0.0.1']);
  });
});
