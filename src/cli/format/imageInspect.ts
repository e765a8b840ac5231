/**
 * The local images as the daemon reports them (classic graphdriver store, the 28.x default):
 * `docker images` rows and `docker inspect IMAGE` JSON (moby v28.5.2 api/types/image
 * image_inspect.go `InspectResponse`, filled by daemon/images/image_inspect.go; `Container` and
 * `ContainerConfig` are dropped for API ≥ 1.45, `VirtualSize` is gone since 1.44; the OCI
 * `Config` fields are all omitempty).
 * Approximate: the catalog gives each image's age as text ("3 weeks ago"), so `Created` is
 * reconstructed from the lab's start; layer digests and directories are derived from the
 * image's layer names.
 */
import { EPOCH_MS } from '../../engine/createWorld';
import { findImage, parseImageRef, type ImageInfo } from '../../engine/images';
import type { World } from '../../engine/world';
import { derivedHex, timeOf, ZERO_TIME } from './containerInspect';
import type { JsonValue } from './goJson';
import { sortedMap } from './goJson';

export interface LocalImage {
  readonly repo: string;
  readonly tag: string;
  readonly info: ImageInfo;
  /** Image creation time on the lab clock (ms). */
  readonly created: number;
}

const UNIT_MS: Readonly<Record<string, number>> = {
  second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000, month: 30 * 86_400_000, year: 365 * 86_400_000,
};

/** "6 weeks ago" → the image's creation time, counted back from the lab's first morning. */
export function imageCreated(info: ImageInfo): number {
  const m = /^(\d+|About an?) (second|minute|hour|day|week|month|year)s? ago$/.exec(info.createdAgo);
  if (!m) return EPOCH_MS;
  const n = /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : 1;
  return EPOCH_MS - n * (UNIT_MS[m[2] ?? 'day'] ?? 0);
}

/** The images in the local store, newest first (daemon/images/images.go sorts by Created, descending). */
export function localImages(w: World): LocalImage[] {
  const out: LocalImage[] = [];
  for (const key of w.docker.images.keys()) {
    const ref = parseImageRef(key);
    if (!ref.ok) continue;
    const info = findImage(ref.ref);
    if (info) out.push({ repo: ref.ref.repo, tag: ref.ref.tag, info, created: imageCreated(info) });
  }
  return out.sort((a, b) => b.created - a.created || (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : 0) || (a.tag < b.tag ? -1 : 1));
}

/** Resolve an image reference the way `docker inspect` / `docker image inspect` do: name[:tag] or ID prefix. */
export function findLocalImage(w: World, ref: string): LocalImage[] {
  const all = localImages(w);
  const id = ref.startsWith('sha256:') ? ref.slice(7) : ref;
  if (/^[0-9a-f]{1,64}$/.test(id)) {
    const byId = all.filter((i) => i.info.id.startsWith(id));
    if (byId.length) return byId;
  }
  const parsed = parseImageRef(ref);
  if (!parsed.ok) return [];
  return all.filter((i) => i.repo === parsed.ref.repo && i.tag === parsed.ref.tag);
}

/** The registry digest of a layer (derived). */
function layerDigest(info: ImageInfo, layer: string): string {
  return `sha256:${derivedHex(`${info.digest}/diff/${layer}`, 64)}`;
}

export function imageInspectJson(w: World, img: LocalImage): { [k: string]: JsonValue } {
  const { info } = img;
  const tags = localImages(w).filter((i) => i.info.id === info.id).map((i) => `${i.repo}:${i.tag}`);
  const extra = info as ImageInfo & { labels?: Readonly<Record<string, string>>; stopSignal?: string; workingDir?: string };
  const config: { [k: string]: JsonValue } = {};
  if (info.exposed.length) config['ExposedPorts'] = sortedMap(Object.fromEntries(info.exposed.map((e) => [`${e.port}/${e.proto}`, {}])));
  if (info.env.length) config['Env'] = [...info.env];
  if (info.entrypoint.length) config['Entrypoint'] = [...info.entrypoint];
  if (info.cmd.length) config['Cmd'] = [...info.cmd];
  if (extra.workingDir) config['WorkingDir'] = extra.workingDir;
  if (extra.labels && Object.keys(extra.labels).length) config['Labels'] = sortedMap(extra.labels);
  if (extra.stopSignal) config['StopSignal'] = extra.stopSignal;
  const root = '/var/lib/docker/overlay2';
  const dirs = info.layers.map((l) => `${root}/${derivedHex(`${info.digest}/${l}`, 64)}`);
  const top = dirs[dirs.length - 1] ?? `${root}/${derivedHex(info.digest, 64)}`;
  const lower = dirs.slice(0, -1).reverse().map((d) => `${d}/diff`).join(':');
  const data: { [k: string]: string } = {};
  if (lower) data['LowerDir'] = lower;
  data['MergedDir'] = `${top}/merged`;
  data['UpperDir'] = `${top}/diff`;
  data['WorkDir'] = `${top}/work`;
  return {
    Id: `sha256:${info.id}`,
    RepoTags: tags,
    RepoDigests: [`${img.repo}@${info.digest}`],
    Parent: '',
    Comment: 'buildkit.dockerfile.v0',
    Created: timeOf(img.created, `${info.id}/created`),
    DockerVersion: '',
    Author: '',
    Config: config,
    Architecture: 'amd64',
    Os: 'linux',
    Size: Math.round(info.sizeMb * 1_000_000),
    GraphDriver: { Data: sortedMap(data), Name: 'overlay2' },
    RootFS: { Type: 'layers', Layers: info.layers.map((l) => layerDigest(info, l)) },
    Metadata: { LastTagTime: ZERO_TIME },
  };
}
