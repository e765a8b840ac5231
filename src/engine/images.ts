import type { ServiceKind } from './net/types';

/**
 * The small catalog of images the lab can "pull": what each exposes, runs by default, listens
 * on, and which network tools its filesystem has. Values are those of the official images
 * (Docker Hub, late 2025); sizes and ids are plausible fixed values.
 */
export interface ImageListen {
  readonly proto: 'tcp' | 'udp';
  readonly port: number;
  readonly service: ServiceKind;
  /** Process name as `ss -p` and `ps` show it. */
  readonly process: string;
}

/** Which flavour of each tool the image ships (busybox applets print differently from iputils/iproute2). */
export interface ImageTools {
  readonly shell: 'sh' | 'bash';
  readonly ip: 'busybox' | 'iproute2' | null;
  readonly ping: 'busybox' | 'iputils' | null;
  readonly wget: 'busybox' | 'gnu' | null;
  readonly curl: boolean;
  readonly nslookup: 'busybox' | null;
  readonly nc: 'busybox' | null;
  /** `ps`: BusyBox's applet, procps-ng (ubuntu, python, node), or absent (Debian slim images). */
  readonly ps?: 'busybox' | 'procps';
  /** `ss` comes with iproute2; BusyBox has no ss applet. */
  readonly ss?: boolean;
}

export interface ImageInfo {
  readonly repo: string; // 'nginx'
  readonly tag: string; // 'latest'
  readonly id: string; // 64 hex (sha256 of the config)
  readonly sizeMb: number;
  readonly createdAgo: string; // as `docker images` prints CREATED
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  readonly env: readonly string[];
  readonly exposed: readonly { readonly port: number; readonly proto: 'tcp' | 'udp' }[];
  readonly listens: readonly ImageListen[];
  readonly tools: ImageTools;
  /** Layers for the pull progress lines. */
  readonly layers: readonly string[];
  readonly digest: string;
  /** Environment variables the entrypoint insists on (postgres, mysql) and the error it prints. */
  readonly requiresEnv?: { readonly anyOf: readonly string[]; readonly log: readonly string[] };
}

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const BUSYBOX_TOOLS: ImageTools = { shell: 'sh', ip: 'busybox', ping: 'busybox', wget: 'busybox', curl: false, nslookup: 'busybox', nc: 'busybox', ps: 'busybox' };
const DEBIAN_SLIM: ImageTools = { shell: 'bash', ip: null, ping: null, wget: null, curl: false, nslookup: null, nc: null };

const http = (server: 'nginx' | 'httpd' | 'python' | 'node', port: number, process: string): ImageListen => ({
  proto: 'tcp', port, service: { kind: 'http', server }, process,
});

export const IMAGES: readonly ImageInfo[] = [
  {
    repo: 'alpine', tag: 'latest', id: '706db57fb2063f39f69632c5b5c9c439633fda35110e65587c5d85553fd1cc38',
    sizeMb: 8.31, createdAgo: '6 weeks ago', entrypoint: [], cmd: ['/bin/sh'], env: [PATH_ENV],
    exposed: [], listens: [], tools: BUSYBOX_TOOLS,
    layers: ['2d35ebdb57d9'], digest: 'sha256:4b7ce07002c69e8f3d704a9c5d6fd3053be500b7f1c69fc0d80990c2ad8dd412',
  },
  {
    repo: 'busybox', tag: 'latest', id: '0ed463b26daee791b094dc3fff25edb3e79f153d37d274e5c2936923c38dac2b',
    sizeMb: 4.43, createdAgo: '14 months ago', entrypoint: [], cmd: ['sh'], env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    exposed: [], listens: [], tools: BUSYBOX_TOOLS,
    layers: ['9ad63333ebc9'], digest: 'sha256:2f590fc602ce325cbff2ccfc39499014d039546dc400ef8bbf5c6ffb860632e7',
  },
  {
    repo: 'ubuntu', tag: 'latest', id: '97bed23a34971024aa8d254abbe67b7168772340d1f494034773bc464e8dd5b6',
    sizeMb: 78.1, createdAgo: '4 weeks ago', entrypoint: [], cmd: ['/bin/bash'], env: [PATH_ENV],
    exposed: [], listens: [], tools: { ...DEBIAN_SLIM, shell: 'bash', ps: 'procps' },
    layers: ['32f112e3802c'], digest: 'sha256:66460d557b25769b102175144d538d88219c077c678a49af4afca6fbfc1b5252',
  },
  {
    repo: 'nginx', tag: 'latest', id: '4af177a024eb8a6ec4b5ee0ea9e8d3e1b7e9a5a6d7d4e0c5fa6e1d2c3b4a5968',
    sizeMb: 192, createdAgo: '3 weeks ago', entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'],
    env: [PATH_ENV, 'NGINX_VERSION=1.29.3', 'NJS_VERSION=0.9.4', 'NJS_RELEASE=1~trixie', 'PKG_RELEASE=1~trixie', 'DYNPKG_RELEASE=1~trixie'],
    exposed: [{ port: 80, proto: 'tcp' }], listens: [http('nginx', 80, 'nginx')],
    tools: { ...DEBIAN_SLIM, curl: true },
    layers: ['d7ecded7702a', 'a6a7e7f1c3ca', '3ad5d4c1bb0e', '8b27e3fc8a9b', '5f8e6b9c4d1a', 'c2e0a9f14e77', '0b9d3e4a5f61'],
    digest: 'sha256:553f64aecdc31b5bf944521731cd70e35da4faed96b2b7548a3d8e2598c52a42',
  },
  {
    repo: 'httpd', tag: 'latest', id: 'e16b8e9a7f2c4f1d3a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f',
    sizeMb: 117, createdAgo: '5 weeks ago', entrypoint: [], cmd: ['httpd-foreground'],
    env: [PATH_ENV.replace('PATH=', 'PATH=/usr/local/apache2/bin:'), 'HTTPD_PREFIX=/usr/local/apache2', 'HTTPD_VERSION=2.4.65'],
    exposed: [{ port: 80, proto: 'tcp' }], listens: [http('httpd', 80, 'httpd')], tools: DEBIAN_SLIM,
    layers: ['d7ecded7702a', '1f5e4c3d2b1a', '9e8d7c6b5a49', '4f3e2d1c0b9a', 'a1b2c3d4e5f6'],
    digest: 'sha256:f4c5b7d8e9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6',
  },
  {
    repo: 'redis', tag: 'latest', id: 'a2d9b5c0e6f14a3b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b',
    sizeMb: 137, createdAgo: '2 weeks ago', entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'],
    env: [PATH_ENV, 'REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-8.2.3.tar.gz'],
    exposed: [{ port: 6379, proto: 'tcp' }],
    listens: [{ proto: 'tcp', port: 6379, service: { kind: 'redis' }, process: 'redis-server' }], tools: DEBIAN_SLIM,
    layers: ['d7ecded7702a', '6c1e2f3a4b5c', '7d8e9f0a1b2c', '8e9f0a1b2c3d', '9f0a1b2c3d4e', '0a1b2c3d4e5f'],
    digest: 'sha256:b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2',
  },
  {
    repo: 'postgres', tag: 'latest', id: 'c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4',
    sizeMb: 456, createdAgo: '2 weeks ago', entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'],
    env: [PATH_ENV.replace('PATH=', 'PATH=/usr/lib/postgresql/18/bin:'), 'GOSU_VERSION=1.19', 'LANG=en_US.utf8', 'PG_MAJOR=18', 'PG_VERSION=18.1-1.pgdg13+2', 'PGDATA=/var/lib/postgresql/18/docker'],
    exposed: [{ port: 5432, proto: 'tcp' }],
    listens: [{ proto: 'tcp', port: 5432, service: { kind: 'postgres' }, process: 'postgres' }], tools: DEBIAN_SLIM,
    layers: ['d7ecded7702a', '2a3b4c5d6e7f', '3b4c5d6e7f8a', '4c5d6e7f8a9b', '5d6e7f8a9b0c', '6e7f8a9b0c1d', '7f8a9b0c1d2e'],
    digest: 'sha256:d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3',
    requiresEnv: {
      anyOf: ['POSTGRES_PASSWORD', 'POSTGRES_HOST_AUTH_METHOD'],
      log: [
        'Error: Database is uninitialized and superuser password is not specified.',
        '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
        '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
        '',
        '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
        '       connections without a password. This is *not* recommended.',
        '',
        '       See PostgreSQL documentation about "trust":',
        '       https://www.postgresql.org/docs/current/auth-trust.html',
      ],
    },
  },
  {
    repo: 'mysql', tag: 'latest', id: 'e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6',
    sizeMb: 922, createdAgo: '5 weeks ago', entrypoint: ['docker-entrypoint.sh'], cmd: ['mysqld'],
    env: [PATH_ENV, 'GOSU_VERSION=1.19', 'MYSQL_MAJOR=innovation', 'MYSQL_VERSION=9.5.0-1.el9', 'MYSQL_SHELL_VERSION=9.5.0-1.el9'],
    exposed: [{ port: 3306, proto: 'tcp' }, { port: 33060, proto: 'tcp' }],
    listens: [
      { proto: 'tcp', port: 3306, service: { kind: 'mysql' }, process: 'mysqld' },
      { proto: 'tcp', port: 33060, service: { kind: 'mysql' }, process: 'mysqld' },
    ],
    tools: DEBIAN_SLIM,
    layers: ['f1e2d3c4b5a6', 'e2d3c4b5a6f7', 'd3c4b5a6f7e8', 'c4b5a6f7e8d9', 'b5a6f7e8d9c0', 'a6f7e8d9c0b1'],
    digest: 'sha256:f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7',
    requiresEnv: {
      anyOf: ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'],
      log: [
        '2025-11-20 10:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.5.0-1.el9 started.',
        '2025-11-20 10:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
        '    You need to specify one of the following as an environment variable:',
        '    - MYSQL_ROOT_PASSWORD',
        '    - MYSQL_ALLOW_EMPTY_PASSWORD',
        '    - MYSQL_RANDOM_ROOT_PASSWORD',
      ],
    },
  },
  {
    repo: 'python', tag: 'latest', id: 'a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8',
    sizeMb: 1120, createdAgo: '3 weeks ago', entrypoint: [], cmd: ['python3'],
    env: [PATH_ENV.replace('PATH=', 'PATH=/usr/local/bin:'), 'LANG=C.UTF-8', 'PYTHON_VERSION=3.14.0'],
    exposed: [], listens: [], tools: { shell: 'bash', ip: 'iproute2', ping: null, wget: 'gnu', curl: true, nslookup: null, nc: null, ps: 'procps', ss: true },
    layers: ['a1c2e3f4a5b6', 'b2d3f4a5b6c7', 'c3e4a5b6c7d8', 'd4f5b6c7d8e9', 'e5a6c7d8e9f0', 'f6b7d8e9f0a1'],
    digest: 'sha256:b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9',
  },
  {
    repo: 'node', tag: 'latest', id: 'b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0',
    sizeMb: 1130, createdAgo: '2 weeks ago', entrypoint: ['docker-entrypoint.sh'], cmd: ['node'],
    env: [PATH_ENV, 'NODE_VERSION=25.2.1', 'YARN_VERSION=1.22.22'],
    exposed: [], listens: [], tools: { shell: 'bash', ip: 'iproute2', ping: null, wget: 'gnu', curl: true, nslookup: null, nc: null, ps: 'procps', ss: true },
    layers: ['a1c2e3f4a5b6', 'b2d3f4a5b6c7', 'c3e4a5b6c7d8', 'd4f5b6c7d8e9', '1a2b3c4d5e6f', '2b3c4d5e6f7a'],
    digest: 'sha256:c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0',
  },
];

export interface ImageRef {
  readonly repo: string;
  readonly tag: string;
}

/**
 * Parses an image reference as distribution/reference does for what students type:
 * `nginx`, `nginx:1.27`, `library/nginx`, `docker.io/library/nginx:latest`. Returns an error
 * code for the CLI to word (invalid reference format, uppercase repository).
 */
export function parseImageRef(s: string): { ok: true; ref: ImageRef } | { ok: false; code: 'invalid-reference' | 'uppercase' } {
  const m = /^(?:(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/)?(?:library\/)?([a-zA-Z0-9]+(?:[._-][a-zA-Z0-9]+)*(?:\/[a-zA-Z0-9]+(?:[._-][a-zA-Z0-9]+)*)*)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@sha256:[0-9a-f]{64})?$/.exec(s);
  if (!m || !m[1]) return { ok: false, code: 'invalid-reference' };
  if (m[1] !== m[1].toLowerCase()) return { ok: false, code: 'uppercase' };
  return { ok: true, ref: { repo: m[1], tag: m[2] ?? 'latest' } };
}

/** Any tag of a catalog image resolves to it: the lab keeps one build per repository. */
export function findImage(ref: ImageRef): ImageInfo | undefined {
  return IMAGES.find((i) => i.repo === ref.repo);
}
