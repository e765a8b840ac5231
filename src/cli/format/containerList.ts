/**
 * `docker ps`: the daemon's list (moby v28.5.2 container/view.go `transform`, daemon/list.go)
 * and the CLI's row context (docker/cli v28.5.2 cli/command/formatter/container.go
 * `ContainerContext`). Rows are plain objects whose keys are the context's methods in sorted
 * order, so `{{json .}}` prints them as `formatter.MarshalJSON` (a sorted map) does.
 */
import type { World } from '../../engine/world';
import type { Container } from '../../engine/docker/types';
import { displayablePorts, type ApiPort } from './displayablePorts';
import { configLabels, pathAndArgs } from './containerInspect';
import { goQuote, goTimeString } from './gotemplate-fmt';
import { humanDuration, humanSizeWithPrecision } from './goUnits';
import { portMapOf } from './networkSettingsJson';
import { findImage, parseImageRef } from '../../engine/images';
import { findContainer } from '../../engine/docker/lookup';

/** Summary.Ports: one entry per binding, or one without IP for an exposed, unpublished port. */
export function apiPorts(w: World, c: Container): ApiPort[] {
  const out: ApiPort[] = [];
  for (const [key, bindings] of portMapOf(w, c)) {
    const [port = '0', type = 'tcp'] = key.split('/');
    if (!bindings) out.push({ ip: '', privatePort: Number(port), publicPort: 0, type });
    else for (const b of bindings) out.push({ ip: b.hostIp, privatePort: Number(port), publicPort: Number(b.hostPort), type });
  }
  return out;
}

/** Summary.Command: Path and Args, an argument with a space wrapped in single quotes (view.go). */
export function summaryCommand(c: Container): string {
  const { path, args } = pathAndArgs(c);
  if (args.length === 0) return path;
  return `${path} ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`;
}

/** State.String() (moby container/state.go): `Up 5 seconds`, `Exited (0) 3 seconds ago`, `Created`. */
export function statusText(c: Container, now: number): string {
  if (c.state === 'running') return `Up ${humanDuration(now - c.startedAt)}`;
  if (c.startedAt === 0) return 'Created';
  if (c.finishedAt === 0) return '';
  return `Exited (${c.exitCode}) ${humanDuration(now - c.finishedAt)} ago`;
}

/** formatter.Ellipsis for ASCII-width text: keep maxWidth-1 characters and add '…'. */
export function ellipsis(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  return `${chars.slice(0, max - 1).join('')}…`;
}

/** reference.FamiliarString of a tagged or bare name (docker.io/library/ dropped, digest trimmed). */
export function familiarImage(image: string): string {
  let s = image.replace(/@sha256:[0-9a-f]{64}$/, '');
  s = s.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '');
  if (/^library\/[^/]+$/.test(s)) s = s.slice('library/'.length);
  return s;
}

/**
 * Summary.Names: the container's own name and the names links gave it in others (`/web/db`),
 * in the order of moby's memdb names table (container/view.go `getNames`: the container-ID index
 * yields its entries sorted by name).
 */
export function summaryNames(w: World, c: Container): string[] {
  const names = [`/${c.name}`];
  for (const p of w.docker.containers.values()) {
    for (const spec of p.linkSpecs) {
      const [target = '', alias] = spec.split(':');
      if (findContainer(w, target)?.id === c.id) names.push(`/${p.name}/${alias ?? c.name}`);
    }
  }
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export interface PsOptions {
  readonly trunc: boolean;
  /** -s / .Size used: the daemon computed sizes. */
  readonly size: boolean;
}

/** The ContainerContext of one row, keys in sorted order. */
export function psRow(w: World, c: Container, opts: PsOptions): Record<string, string | null> {
  const now = w.clock;
  const createdSec = Math.floor(c.created / 1000) * 1000;
  const names = summaryNames(w, c).map((n) => n.slice(1));
  const shown = opts.trunc ? [names.find((n) => !n.includes('/')) ?? names[0] ?? ''] : names;
  const labels = configLabels(c);
  const ref = parseImageRef(c.image);
  const img = ref.ok ? findImage(ref.ref) : undefined;
  const virtual = opts.size && img ? ` (virtual ${humanSizeWithPrecision(img.sizeMb * 1_000_000, 3)})` : '';
  const networks = c.networks
    .map((a) => w.docker.networks.get(a.networkId)?.name ?? a.pendingName)
    .filter((n): n is string => n !== undefined)
    .sort();
  const command = summaryCommand(c);
  return {
    Command: goQuote(opts.trunc ? ellipsis(command, 20) : command),
    CreatedAt: goTimeString(new Date(createdSec).toISOString().replace('.000Z', 'Z')),
    ID: opts.trunc ? c.id.slice(0, 12) : c.id,
    Image: opts.trunc ? familiarImage(c.image) : c.image,
    Labels: Object.keys(labels).map((k) => `${k}=${labels[k] ?? ''}`).sort().join(','),
    LocalVolumes: '0',
    Mounts: '',
    Names: shown.join(','),
    // Go ranges over the Networks map in random order; sorted here so output is stable.
    Networks: networks.join(','),
    Platform: null,
    Ports: displayablePorts(apiPorts(w, c)),
    RunningFor: `${humanDuration(now - createdSec)} ago`,
    Size: `0B${virtual}`,
    State: c.state,
    Status: statusText(c, now),
  };
}

/** The table headers of ContainerContext (NewContainerContext). */
export const PS_HEADER: Readonly<Record<string, string>> = {
  ID: 'CONTAINER ID',
  Names: 'NAMES',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
  Platform: 'PLATFORM',
};

export const PS_DEFAULT_FORMAT = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

/** NewContainerFormat: the format a ps invocation renders with. */
export function psFormat(source: string, quiet: boolean, size: boolean): string {
  if (source === '' || source === 'table') return quiet ? '{{.ID}}' : PS_DEFAULT_FORMAT + (size ? '\t{{.Size}}' : '');
  if (source === 'raw') {
    if (quiet) return 'container_id: {{.ID}}';
    const base = 'container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\nstate: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n';
    return size ? `${base}size: {{.Size}}\\n` : base;
  }
  return quiet ? '{{.ID}}' : source;
}
