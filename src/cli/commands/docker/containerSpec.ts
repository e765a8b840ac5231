import type { CreateSpec } from '../../../engine/docker/create';
import { isUserDefinedName } from '../../../engine/docker/endpointValidate';
import type { PortBindingRequest, PortSpec } from '../../../engine/docker/types';
import { parseExpose, parsePublish } from '../../parse/ports';
import type { ParsedFlags } from '../../types';

/**
 * From parsed run/create flags to the daemon request, with the CLI-side validation docker/cli
 * does before calling the daemon (opts.go parse): ports, expose, MAC, links, env.
 */
export function list(flags: ParsedFlags, name: string): readonly string[] {
  const v = flags.values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export function str(flags: ParsedFlags, name: string): string | undefined {
  const v = flags.values[name];
  if (Array.isArray(v)) return v[v.length - 1];
  return typeof v === 'string' ? v : undefined;
}

export function bool(flags: ParsedFlags, name: string): boolean {
  return flags.values[name] === true;
}

/**
 * docker/cli opts.go parseNetworkOpts / parseNetworkAttachmentOpt: the legacy flags
 * (--network-alias, --ip, --link) apply to the first network ("default" when none is given);
 * aliases need a user-defined one; a network may be named once; predefined and user-defined
 * networks do not mix. Simulator difference: the advanced `--network name=…,alias=…` syntax is
 * not parsed.
 */
function checkNetworks(networks: readonly string[], aliases: readonly string[]): string | null {
  const targets = networks.length ? networks : ['default'];
  if (aliases.length && !isUserDefinedName(targets[0] ?? 'default')) return 'network-scoped aliases are only supported for user-defined networks';
  const seen = new Set<string>();
  for (const t of networks) {
    if (t.trim() === '') return 'no name set for network';
    if (seen.has(t)) return `network "${t}" is specified multiple times`;
    seen.add(t);
  }
  const user = networks.filter(isUserDefinedName).length;
  if (user > 0 && user < networks.length) return 'conflicting options: cannot attach both user-defined and non-user-defined network-modes';
  return null;
}

const MAC_RE = /^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$/;

/** The simulated shell's own environment, for `-e NAME` without a value. */
const SHELL_ENV: Readonly<Record<string, string>> = { HOME: '/root', USER: 'root', SHELL: '/bin/bash', LANG: 'C.UTF-8', TERM: 'xterm-256color' };

export function toCreateSpec(flags: ParsedFlags, image: string, cmd: readonly string[], name: string | undefined): { ok: true; spec: CreateSpec } | { ok: false; error: string } {
  const publish: PortBindingRequest[] = [];
  for (const p of list(flags, 'publish')) {
    const r = parsePublish(p);
    if (!r.ok) return r;
    publish.push(...r.value);
  }
  const expose: PortSpec[] = [];
  for (const e of list(flags, 'expose')) {
    const r = parseExpose(e);
    if (!r.ok) return r;
    expose.push(...r.value);
  }
  const mac = str(flags, 'mac-address');
  if (mac !== undefined && mac !== '' && !MAC_RE.test(mac)) return { ok: false, error: `${mac} is not a valid mac address` };
  for (const l of list(flags, 'link')) {
    if (l.split(':').length > 2 || l === '') return { ok: false, error: `bad format for links: ${l}` };
  }
  const env: string[] = [];
  for (const e of list(flags, 'env')) {
    if (e.startsWith('=')) return { ok: false, error: `invalid environment variable: ${e}` };
    if (e.includes('=')) env.push(e);
    else if (SHELL_ENV[e] !== undefined) env.push(`${e}=${SHELL_ENV[e]}`);
  }
  const networks = [...list(flags, 'network'), ...list(flags, 'net')];
  const bad = checkNetworks(networks, [...list(flags, 'network-alias'), ...list(flags, 'net-alias')]);
  if (bad) return { ok: false, error: bad };
  const network = networks[0] ?? '';
  const entry = str(flags, 'entrypoint');
  const ip = str(flags, 'ip');
  const hostname = str(flags, 'hostname');
  const domainname = str(flags, 'domainname');
  const aliases = [...list(flags, 'network-alias'), ...list(flags, 'net-alias')];
  const capAdd = effectiveCapAdd(list(flags, 'cap-add'));
  const spec: CreateSpec = {
    image,
    cmd,
    ...(entry !== undefined ? { entrypoint: entry === '' ? [] : [entry] } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(hostname ? { hostname } : {}),
    ...(domainname ? { domainname } : {}),
    env,
    network,
    ...(networks.length > 1 ? { moreNetworks: networks.slice(1) } : {}),
    ...(ip ? { ip } : {}),
    aliases,
    links: list(flags, 'link'),
    publish,
    publishAll: bool(flags, 'publish-all'),
    expose,
    ...(mac ? { macAddress: mac.toLowerCase().replace(/-/g, ':') } : {}),
    autoRemove: bool(flags, 'rm'),
    tty: bool(flags, 'tty'),
    openStdin: bool(flags, 'interactive'),
    dns: list(flags, 'dns'),
    dnsSearch: list(flags, 'dns-search'),
    dnsOptions: [...list(flags, 'dns-option'), ...list(flags, 'dns-opt')],
    addHosts: list(flags, 'add-host'),
    ...(capAdd.length ? { capAdd } : {}),
    ...(bool(flags, 'privileged') ? { privileged: true } : {}),
  };
  return { ok: true, spec };
}

/**
 * docker/cli opts.EffectiveCapAddCapDrop (container/opts.go parse): each --cap-add value trimmed,
 * upper-cased and given its CAP_ prefix (ALL stays ALL and then stands alone), duplicates
 * removed, sorted; the daemon stores that list as HostConfig.CapAdd.
 * The daemon refuses names it does not know (engine/docker/capabilities.ts).
 * Simulator difference: --cap-drop is accepted but not recorded.
 */
export function effectiveCapAdd(values: readonly string[]): string[] {
  const caps = new Set(values.map((v) => {
    const c = v.trim().toUpperCase();
    return c === 'ALL' || c.startsWith('CAP_') ? c : `CAP_${c}`;
  }));
  if (caps.has('ALL')) return ['ALL'];
  return [...caps].sort();
}
