/**
 * `docker inspect CONTAINER` / `docker container inspect` JSON for Engine 28.5: moby v28.5.2
 * api/types/container/container.go `InspectResponse` = the embedded `ContainerJSONBase` fields,
 * then Mounts, Config, NetworkSettings (ImageManifestDescriptor is omitempty and only set with the
 * containerd image store, which is off here). Values as daemon/inspect.go `getInspectData` fills
 * them:
 * - Path/Args = daemon/container.go `getEntrypointAndArgs` (Args is `[]`, never null);
 * - ResolvConfPath/HostnamePath/HostsPath/LogPath are set at the first start
 *   (container_operations_unix.go, container.go `StartLogger`), "" before; `container:` mode
 *   copies the donor's paths (`initializeNetworkingPaths`);
 * - AppArmorProfile "docker-default" is saved at create (container_linux.go);
 * - GraphDriver.Data = overlay2 `GetMetadata` plus "ID" (layer/mounted_layer.go); the layer
 *   directory names are random in Docker: here they are derived from the ids so the output is
 *   stable.
 * Times are RFC3339Nano in UTC; "0001-01-01T00:00:00Z" is Go's zero time.
 * Approximate (the engine does not record them): Config.AttachStd* / StdinOnce are inferred
 * from -i/-t; image USER, WORKDIR, VOLUME and healthchecks are not modelled.
 */
import type { World } from '../../engine/world';
import type { Container } from '../../engine/docker/types';
import { rfc3339Nano } from '../../engine/docker/clock';
import { findImage, parseImageRef } from '../../engine/images';
import type { JsonValue } from './goJson';
import { sortedMap } from './goJson';
import { hostConfigJson } from './hostConfigJson';
import { networkSettingsJson } from './networkSettingsJson';

export const ZERO_TIME = '0001-01-01T00:00:00Z';

/** Deterministic hex string from a seed text (FNV-1a, extended): stands in for random ids. */
export function derivedHex(seed: string, length: number): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < length; round++) {
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** A clock value (ms) as the daemon prints time.Time: nanoseconds derived from `seed`. */
export function timeOf(ms: number, seed: string): string {
  if (ms === 0) return ZERO_TIME;
  return rfc3339Nano(ms, parseInt(derivedHex(seed, 6), 16) % 1_000_000);
}

/** Image metadata the catalog may carry (optional: older catalogs lack it). */
interface ImageExtras {
  readonly labels?: Readonly<Record<string, string>>;
  readonly stopSignal?: string;
  readonly workingDir?: string;
}

function imageOf(c: Container) {
  const ref = parseImageRef(c.image);
  return ref.ok ? findImage(ref.ref) : undefined;
}

export function configLabels(c: Container): Record<string, string> {
  const img = imageOf(c) as (ReturnType<typeof imageOf> & ImageExtras) | undefined;
  // The daemon merges the image's labels under the container's (--label wins).
  return { ...(img?.labels ?? {}), ...(c.labels ?? {}) };
}

/** daemon/container.go getEntrypointAndArgs. */
export function pathAndArgs(c: Container): { path: string; args: string[] } {
  if (c.entrypoint.length === 0) return { path: c.cmd[0] ?? '', args: c.cmd.slice(1) };
  return { path: c.entrypoint[0] ?? '', args: [...c.entrypoint.slice(1), ...c.cmd] };
}

function filesOf(w: World, c: Container): { resolv: string; hostname: string; hosts: string; log: string } {
  if (c.startedAt === 0) return { resolv: '', hostname: '', hosts: '', log: '' };
  const dir = (id: string) => `/var/lib/docker/containers/${id}`;
  const log = `${dir(c.id)}/${c.id}-json.log`;
  if (c.networkMode.startsWith('container:')) {
    const donor = w.docker.containers.get(c.networkMode.slice('container:'.length) as Container['id']);
    const d = donor ? dir(donor.id) : '';
    return donor ? { resolv: `${d}/resolv.conf`, hostname: `${d}/hostname`, hosts: `${d}/hosts`, log } : { resolv: '', hostname: '', hosts: '', log };
  }
  return { resolv: `${dir(c.id)}/resolv.conf`, hostname: `${dir(c.id)}/hostname`, hosts: `${dir(c.id)}/hosts`, log };
}

function stateJson(c: Container): { [k: string]: JsonValue } {
  return {
    Status: c.state,
    Running: c.state === 'running',
    Paused: false,
    Restarting: false,
    OOMKilled: false,
    Dead: false,
    Pid: c.state === 'running' ? c.pid : 0,
    ExitCode: c.exitCode,
    Error: '',
    StartedAt: timeOf(c.startedAt, `${c.id}/started/${c.startedAt}`),
    FinishedAt: timeOf(c.finishedAt, `${c.id}/finished/${c.finishedAt}`),
  };
}

function graphDriverJson(c: Container): { [k: string]: JsonValue } {
  const mount = derivedHex(`${c.id}/mount`, 64);
  const root = '/var/lib/docker/overlay2';
  const img = imageOf(c);
  const lowers = [`${root}/${mount}-init/diff`, ...(img?.layers ?? []).map((l) => `${root}/${derivedHex(`${img?.digest ?? ''}/${l}`, 64)}/diff`)];
  return {
    Data: {
      ID: c.id,
      LowerDir: lowers.join(':'),
      MergedDir: `${root}/${mount}/merged`,
      UpperDir: `${root}/${mount}/diff`,
      WorkDir: `${root}/${mount}/work`,
    },
    Name: 'overlay2',
  };
}

function configJson(c: Container): { [k: string]: JsonValue } {
  const img = imageOf(c) as (ReturnType<typeof imageOf> & ImageExtras) | undefined;
  // Inferred: `docker run -it` attaches all three streams, `-d` none (see the header note).
  const attach = c.tty && c.openStdin;
  const exposed: { [k: string]: JsonValue } = {};
  for (const e of c.exposed) exposed[`${e.port}/${e.proto}`] = {};
  const out: { [k: string]: JsonValue } = {
    Hostname: c.hostname,
    Domainname: c.domainname,
    User: '',
    AttachStdin: attach,
    AttachStdout: attach,
    AttachStderr: attach,
  };
  if (c.exposed.length) out['ExposedPorts'] = sortedMap(exposed);
  Object.assign(out, {
    Tty: c.tty,
    OpenStdin: c.openStdin,
    StdinOnce: attach,
    Env: [...c.env],
    Cmd: c.cmd.length ? [...c.cmd] : null,
    Image: c.image,
    Volumes: null,
    WorkingDir: img?.workingDir ?? '',
    Entrypoint: c.entrypoint.length ? [...c.entrypoint] : null,
  });
  // Config.MacAddress (omitempty): the requested address of the main network, for old API clients.
  const bridgeOrUser = !['host', 'none'].includes(c.networkMode) && !c.networkMode.startsWith('container:');
  if (c.macAddress && bridgeOrUser) {
    out['MacAddress'] = c.macAddress;
  }
  out['OnBuild'] = null;
  out['Labels'] = sortedMap(configLabels(c));
  if (img?.stopSignal) out['StopSignal'] = img.stopSignal;
  return out;
}

/** The full inspect object of one container. */
export function containerInspectJson(w: World, c: Container): { [k: string]: JsonValue } {
  const { path, args } = pathAndArgs(c);
  const files = filesOf(w, c);
  return {
    Id: c.id,
    Created: timeOf(c.created, `${c.id}/created`),
    Path: path,
    Args: args,
    State: stateJson(c),
    Image: `sha256:${c.imageId}`,
    ResolvConfPath: files.resolv,
    HostnamePath: files.hostname,
    HostsPath: files.hosts,
    LogPath: files.log,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: 'docker-default',
    ExecIDs: null,
    HostConfig: hostConfigJson(w, c),
    GraphDriver: graphDriverJson(c),
    Mounts: [],
    Config: configJson(c),
    NetworkSettings: networkSettingsJson(w, c),
  };
}
