import type { ContainerId } from '../ids';
import { err, ok, type Result } from '../result';
import type { World } from '../world';
import { findContainer } from './lookup';
import type { Container, LegacyLink } from './types';

/**
 * Legacy links on the default bridge (reference §4): resolved at start; the recipient gets an
 * /etc/hosts line and environment variables about the source, never the other way round.
 */

export function splitLink(spec: string): { name: string; alias: string } {
  const i = spec.indexOf(':');
  const name = i < 0 ? spec : spec.slice(0, i);
  const alias = i < 0 ? spec : spec.slice(i + 1);
  return { name: name.replace(/^\//, ''), alias };
}

export function resolveLinks(w: World, c: Container): Result<LegacyLink[]> {
  const out: LegacyLink[] = [];
  for (const spec of c.linkSpecs) {
    const { name, alias } = splitLink(spec);
    const t = findContainer(w, name);
    if (!t) return err('link-no-such-container', { name });
    if (t.state !== 'running') return err('link-not-running', { child: t.name, parent: c.name, alias });
    if (t.networkMode !== 'bridge') return err('link-not-default-network', { child: t.name });
    out.push({ target: t.id as ContainerId, alias });
  }
  return ok(out);
}

/** The source's address on the default bridge. */
export function bridgeIp(w: World, c: Container): string {
  const bridgeId = w.docker.networkNames.get('bridge');
  const att = c.networks.find((a) => a.networkId === bridgeId);
  const ep = att?.endpointId ? w.docker.endpoints.get(att.endpointId) : undefined;
  return ep?.ip ?? '';
}

/** daemon/links/links.go ToEnv, in its order. */
export function linkEnv(w: World, recipient: Container, links: readonly LegacyLink[]): string[] {
  const env: string[] = [];
  for (const l of links) {
    const src = w.docker.containers.get(l.target);
    if (!src) continue;
    const ip = bridgeIp(w, src);
    const A = l.alias.toUpperCase().replace(/-/g, '_');
    const ports = [...src.exposed].sort((a, b) => a.port - b.port || (a.proto === 'tcp' ? -1 : 1));
    const firstPort = ports[0];
    if (firstPort) env.push(`${A}_PORT=${firstPort.proto}://${ip}:${firstPort.port}`);
    // Runs of three or more contiguous ports of one protocol also get _START/_END variables.
    for (const proto of ['tcp', 'udp'] as const) {
      const ps = ports.filter((p) => p.proto === proto).map((p) => p.port);
      for (let i = 0; i < ps.length; ) {
        let j = i;
        while (j + 1 < ps.length && ps[j + 1] === (ps[j] ?? 0) + 1) j++;
        if (j - i + 1 >= 3) {
          const lo = ps[i];
          const hi = ps[j];
          const P = `${A}_PORT_${lo}_${proto.toUpperCase()}`;
          env.push(`${P}_START=${proto}://${ip}:${lo}`, `${P}_ADDR=${ip}`, `${P}_PROTO=${proto}`, `${P}_PORT_START=${lo}`, `${P}_END=${proto}://${ip}:${hi}`, `${P}_PORT_END=${hi}`);
        }
        i = j + 1;
      }
    }
    for (const p of ports) {
      const P = `${A}_PORT_${p.port}_${p.proto.toUpperCase()}`;
      env.push(`${P}=${p.proto}://${ip}:${p.port}`, `${P}_ADDR=${ip}`, `${P}_PORT=${p.port}`, `${P}_PROTO=${p.proto}`);
    }
    env.push(`${A}_NAME=/${recipient.name}/${l.alias}`);
    for (const e of src.env) {
      const k = e.split('=')[0] ?? '';
      if (k === 'HOME' || k === 'PATH' || k === '') continue;
      env.push(`${A}_ENV_${e}`);
    }
  }
  return env;
}

/** The recipient's /etc/hosts lines for its links: `<ip>\t<alias> <hostname> <name>` (name only if ≠ alias). */
export function linkHostsLines(w: World, c: Container): string[] {
  const lines: string[] = [];
  for (const l of c.links) {
    const src = w.docker.containers.get(l.target);
    if (!src) continue;
    const names = [l.alias, src.hostname];
    if (src.name !== l.alias) names.push(src.name);
    lines.push(`${bridgeIp(w, src)}\t${names.join(' ')}`);
  }
  return lines;
}
