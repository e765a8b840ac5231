import type { ContainerId, NetworkId } from '../ids';
import { findImage, parseImageRef, type ImageInfo } from '../images';
import { err, ok, type Result } from '../result';
import { Tx } from '../tx';
import type { World } from '../world';
import type { EngineEvent } from '../events';
import { isUserDefinedName, validateEndpoint } from './endpointValidate';
import { findContainer, findNetwork } from './lookup';
import type { Container, NetworkAttachment, PortBindingRequest, PortSpec } from './types';
import { unknownCapability } from './capabilities';

/** What `docker create` / `docker run` ask the daemon for (the CLI has already parsed the flags). */
export interface CreateSpec {
  readonly image: string;
  readonly cmd: readonly string[];
  readonly entrypoint?: readonly string[];
  readonly name?: string;
  readonly hostname?: string;
  readonly domainname?: string;
  readonly env: readonly string[];
  /** --network value; '' means default (bridge). */
  readonly network: string;
  /**
   * Further --network values (API 1.44+). Simulator difference: the daemon connects them in a Go
   * map's order (allocateNetwork ranges over NetworkSettings.Networks), so eth0/eth1 may come
   * either way; the lab connects them in the order given, after the first.
   */
  readonly moreNetworks?: readonly string[];
  readonly ip?: string;
  readonly aliases: readonly string[];
  readonly links: readonly string[];
  readonly publish: readonly PortBindingRequest[];
  readonly publishAll: boolean;
  readonly expose: readonly PortSpec[];
  readonly macAddress?: string;
  readonly autoRemove: boolean;
  readonly tty: boolean;
  readonly openStdin: boolean;
  readonly dns?: readonly string[];
  readonly dnsSearch?: readonly string[];
  readonly dnsOptions?: readonly string[];
  readonly addHosts?: readonly string[];
  readonly capAdd?: readonly string[];
  readonly privileged?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
}

export interface Created {
  readonly world: World;
  readonly events: readonly EngineEvent[];
  readonly id: ContainerId;
  readonly warnings: readonly string[];
}

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** The image must be present locally; the CLI pulls (pullImage) when this says it is missing. */
export function imageForCreate(w: World, image: string): Result<ImageInfo> {
  const ref = parseImageRef(image);
  if (!ref.ok) return err(ref.code === 'uppercase' ? 'invalid-reference-uppercase' : 'invalid-reference', { ref: image });
  const info = findImage(ref.ref);
  const key = `${ref.ref.repo}:${ref.ref.tag}`;
  if (!info) return err('pull-access-denied', { repo: ref.ref.repo, ref: key });
  if (!w.docker.images.has(key)) return err('no-such-image', { ref: key });
  return ok(info);
}

/** Pulls a catalog image (the CLI prints the progress lines). */
export function pullImage(w: World, image: string): Result<{ world: World; events: EngineEvent[]; info: ImageInfo; key: string }> {
  const ref = parseImageRef(image);
  if (!ref.ok) return err(ref.code === 'uppercase' ? 'invalid-reference-uppercase' : 'invalid-reference', { ref: image });
  const info = findImage(ref.ref);
  const key = `${ref.ref.repo}:${ref.ref.tag}`;
  if (!info) return err('pull-access-denied', { repo: ref.ref.repo, ref: key });
  const tx = new Tx(w);
  tx.updateDocker((d) => ({ ...d, images: d.images.set(key, tx.world.clock) }));
  tx.emit({ type: 'image-pulled', image: key });
  return ok({ ...tx.commit(), info, key });
}

/** daemon create: validate the host config, resolve networks, reserve the name, record the container. */
export function createContainer(w: World, spec: CreateSpec): Result<Created> {
  const img = imageForCreate(w, spec.image);
  if (!img.ok) return img;
  const info = img.value;
  const mode = spec.network === '' || spec.network === 'default' ? 'bridge' : spec.network;
  const warnings: string[] = [];

  // daemon/container.go validateCapabilities (verifyContainerSettings, before the networks).
  const badCap = unknownCapability(spec.capAdd ?? []);
  if (badCap) return err('invalid-capability', { which: 'CapAdd', cap: badCap });

  // runconfig/hostconfig.go validateNetContainerMode + daemon_unix.go verifyPlatformContainerSettings.
  let joined: Container | undefined;
  if (mode.startsWith('container:')) {
    const target = mode.slice('container:'.length);
    if (target === '') return err('netmode-container-format');
    if (spec.hostname) return err('conflict-hostname-netmode');
    if (spec.links.length) return err('conflict-links-container');
    if (spec.dns?.length) return err('conflict-dns-netmode');
    if (spec.addHosts?.length) return err('conflict-addhost-netmode');
    if (spec.publish.length || spec.publishAll) return err('conflict-publish-container');
    if (spec.expose.length) return err('conflict-expose-container');
    joined = findContainer(w, target);
    if (!joined) return err('no-such-container', { ref: target });
  }
  if (mode === 'host') {
    if (spec.links.length) return err('conflict-links-host');
    if (spec.publish.length) warnings.push('Published ports are discarded when using host network mode');
  }

  // daemon/create.go validateNetworkingConfig: each network named in the request, by its name
  // as given ("default" when none was), and by the network if it exists yet.
  const given = spec.network === '' ? 'default' : spec.network;
  const requested = [given, ...(spec.moreNetworks ?? [])];
  if (!joined) {
    for (const [i, ref] of requested.entries()) {
      const found = findNetwork(w, ref === 'default' ? 'bridge' : ref);
      const problems = validateEndpoint(ref, found.ok && ref !== 'default' ? found.net : undefined, i === 0 ? { ...(spec.ip ? { ip: spec.ip } : {}), aliases: spec.aliases } : { aliases: [] });
      if (problems.length) return err('invalid-endpoint-settings', { network: ref, problems: JSON.stringify(problems) });
    }
  }
  // A network that does not exist (yet) is not an error until the container starts
  // (28.x updateContainerNetworkSettings no longer fails): it is kept by name.
  const attachments: NetworkAttachment[] = joined ? [] : requested.map((ref, i) => {
    const found = findNetwork(w, ref === 'default' ? 'bridge' : ref);
    const first = i === 0;
    return {
      networkId: (found.ok ? found.net.id : '') as NetworkId,
      ...(found.ok ? {} : { pendingName: ref }),
      aliases: first ? spec.aliases : [],
      links: first && isUserDefinedName(ref) ? spec.links : [],
      ...(first && spec.ip ? { ipv4Address: spec.ip } : {}),
      ...(first && spec.macAddress ? { macAddress: spec.macAddress } : {}),
    };
  });

  const tx = new Tx(w);
  const id = newContainerId(tx);
  let name = spec.name;
  if (name !== undefined) {
    const bare = name.startsWith('/') ? name.slice(1) : name;
    if (!NAME_RE.test(bare)) return err('invalid-container-name', { name });
    name = bare;
    const holder = w.docker.containerNames.get(name);
    if (holder) return err('name-conflict', { name, id: holder });
  } else {
    name = randomName(tx);
  }

  const seq = tx.nextSeq();
  const exposed = mergeExposed(info.exposed, spec.expose, spec.publish);
  const hostname = mode === 'host' ? w.host.hostname : joined ? joined.hostname : (spec.hostname ?? id.slice(0, 12));
  const c: Container = {
    id,
    name,
    image: spec.image,
    imageId: info.id,
    cmd: spec.cmd.length ? spec.cmd : spec.entrypoint ? [] : info.cmd,
    entrypoint: spec.entrypoint ?? info.entrypoint,
    created: w.clock,
    seq,
    state: 'created',
    startedAt: 0,
    finishedAt: 0,
    exitCode: 0,
    pid: 0,
    hostname,
    domainname: spec.domainname ?? '',
    env: mergeEnv(info.env, spec.env),
    networkMode: joined ? `container:${joined.id}` : mode,
    networks: attachments,
    exposed,
    // Host mode discards published ports (daemon_unix.go: the warning above, and no bindings).
    portBindings: mode === 'host' ? [] : spec.publish,
    publishAll: spec.publishAll,
    ports: [],
    links: [],
    linkSpecs: attachments.length && mode === 'bridge' ? spec.links : [],
    autoRemove: spec.autoRemove,
    tty: spec.tty,
    openStdin: spec.openStdin,
    ...(spec.macAddress ? { macAddress: spec.macAddress } : {}),
    sandboxId: '',
    restartCount: 0,
    logs: [],
    ...(spec.dns?.length ? { dns: spec.dns } : {}),
    ...(spec.dnsSearch?.length ? { dnsSearch: spec.dnsSearch } : {}),
    ...(spec.dnsOptions?.length ? { dnsOptions: spec.dnsOptions } : {}),
    ...(spec.addHosts?.length ? { extraHosts: spec.addHosts } : {}),
    ...(spec.capAdd?.length ? { capAdd: spec.capAdd } : {}),
    ...(spec.privileged ? { privileged: true } : {}),
    ...(spec.labels && Object.keys(spec.labels).length ? { labels: spec.labels } : {}),
  };
  tx.updateDocker((d) => ({
    ...d,
    containers: d.containers.set(id, c),
    containerNames: d.containerNames.set(name, id),
  }));
  tx.emit({ type: 'container-created', container: id, name });
  return ok({ ...tx.commit(), id, warnings });
}

/** stringid.GenerateRandomID: 64 hex, regenerated when the 12-char prefix is all digits. */
export function newContainerId(tx: Tx): ContainerId {
  for (;;) {
    const id = tx.rng.hex(64);
    if (!/^[0-9]{12}/.test(id)) return id as ContainerId;
  }
}

/** Image ENV first, then -e (a later value for the same key replaces the earlier one, in place). */
function mergeEnv(image: readonly string[], user: readonly string[]): string[] {
  const out = [...image];
  for (const e of user) {
    const key = e.split('=')[0];
    const i = out.findIndex((x) => x.split('=')[0] === key);
    if (i >= 0) out[i] = e;
    else out.push(e);
  }
  return out;
}

/** Exposed ports = the image's EXPOSE + --expose + every published container port. */
function mergeExposed(image: readonly PortSpec[], expose: readonly PortSpec[], publish: readonly PortBindingRequest[]): PortSpec[] {
  const seen = new Set<string>();
  const out: PortSpec[] = [];
  for (const p of [...image, ...expose, ...publish.map((b) => ({ port: b.containerPort, proto: b.proto }))]) {
    const k = `${p.port}/${p.proto}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ port: p.port, proto: p.proto });
    }
  }
  return out.sort((a, b) => a.port - b.port || a.proto.localeCompare(b.proto));
}

/** namesgenerator.GetRandomName: adjective_surname, retried on a clash (daemon/names.go). */
function randomName(tx: Tx): string {
  for (let retry = 0; ; retry++) {
    const left = LEFT[tx.rng.below(LEFT.length)] ?? 'admiring';
    const right = RIGHT[tx.rng.below(RIGHT.length)] ?? 'turing';
    let name = `${left}_${right}`;
    // Docker never generates "boring_wozniak" (names-generator.go: "Steve Wozniak is not boring").
    if (name === 'boring_wozniak') continue;
    if (retry > 0) name += String(tx.rng.below(10));
    if (!tx.world.docker.containerNames.has(name)) return name;
  }
}

// A subset of moby's pkg/namesgenerator lists.
const LEFT = ['admiring', 'adoring', 'affectionate', 'agitated', 'amazing', 'angry', 'awesome', 'beautiful', 'blissful', 'bold', 'boring', 'brave', 'busy', 'charming', 'clever', 'compassionate', 'competent', 'condescending', 'confident', 'cool', 'cranky', 'crazy', 'dazzling', 'determined', 'distracted', 'dreamy', 'eager', 'ecstatic', 'elastic', 'elated', 'elegant', 'eloquent', 'epic', 'exciting', 'fervent', 'festive', 'flamboyant', 'focused', 'friendly', 'frosty', 'funny', 'gallant', 'gifted', 'goofy', 'gracious', 'great', 'happy', 'hardcore', 'heuristic', 'hopeful', 'hungry', 'infallible', 'inspiring', 'intelligent', 'interesting', 'jolly', 'jovial', 'keen', 'kind', 'laughing', 'loving', 'lucid', 'magical', 'modest', 'musing', 'mystifying', 'naughty', 'nervous', 'nice', 'nifty', 'nostalgic', 'objective', 'optimistic', 'peaceful', 'pedantic', 'pensive', 'practical', 'priceless', 'quirky', 'quizzical', 'recursing', 'relaxed', 'reverent', 'romantic', 'sad', 'serene', 'sharp', 'silly', 'sleepy', 'stoic', 'strange', 'stupefied', 'suspicious', 'sweet', 'tender', 'thirsty', 'trusting', 'unruffled', 'upbeat', 'vibrant', 'vigilant', 'vigorous', 'wizardly', 'wonderful', 'xenodochial', 'youthful', 'zealous', 'zen'];
const RIGHT = ['agnesi', 'albattani', 'allen', 'archimedes', 'babbage', 'banach', 'bardeen', 'bartik', 'bell', 'bhabha', 'black', 'booth', 'bose', 'brahmagupta', 'brown', 'carson', 'cerf', 'chandrasekhar', 'clarke', 'curie', 'darwin', 'diffie', 'dijkstra', 'einstein', 'elion', 'euclid', 'euler', 'faraday', 'fermat', 'fermi', 'feynman', 'franklin', 'galileo', 'gauss', 'goldberg', 'goodall', 'hamilton', 'hawking', 'heisenberg', 'hertz', 'hodgkin', 'hopper', 'hypatia', 'jackson', 'johnson', 'kalam', 'keller', 'kepler', 'knuth', 'lamarr', 'lamport', 'leakey', 'lovelace', 'lumiere', 'mayer', 'mccarthy', 'meitner', 'mendel', 'mirzakhani', 'montalcini', 'morse', 'napier', 'newton', 'nobel', 'noether', 'pare', 'pascal', 'pasteur', 'payne', 'perlman', 'pike', 'poincare', 'ptolemy', 'raman', 'ramanujan', 'ride', 'ritchie', 'rosalind', 'sammet', 'shannon', 'shaw', 'shockley', 'sinoussi', 'stonebraker', 'swanson', 'tesla', 'thompson', 'torvalds', 'turing', 'varahamihira', 'visvesvaraya', 'volhard', 'wescoff', 'wiles', 'williams', 'wilson', 'wing', 'wozniak', 'wright', 'yalow', 'yonath', 'zhukovsky'];
