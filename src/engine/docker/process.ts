import type { ImageInfo, ImageListen } from '../images';
import type { Container } from './types';

/**
 * What a container's main process does once started, judged from its command line the way a
 * student expects: servers listen, shells wait for stdin (and exit at once without -i), `sleep`
 * and friends idle, image entrypoints that need configuration exit with their own complaint, and
 * one-shot tools (`ip addr`, `cat /etc/hosts`, `ping -c 1 x`) run and exit — the CLI runs those.
 */
export type MainProcess =
  | { readonly kind: 'service'; readonly listens: readonly ImageListen[]; readonly logs: readonly string[]; readonly handlesSigterm: boolean }
  | { readonly kind: 'idle' }
  | { readonly kind: 'exit'; readonly code: number; readonly logs: readonly string[] }
  | { readonly kind: 'oneshot'; readonly argv: readonly string[] };

const SHELLS = new Set(['sh', 'ash', 'bash', '/bin/sh', '/bin/ash', '/bin/bash', 'python3', 'python', 'node']);
const IDLE = new Set(['sleep', 'tail', 'top', 'cat']);

export function mainProcess(c: Container, img: ImageInfo, clockText: string): MainProcess {
  const argv = [...c.entrypoint.filter((e) => !e.endsWith('docker-entrypoint.sh')), ...c.cmd];
  const prog = argv[0] ?? '';
  const base = prog.split('/').pop() ?? prog;
  const isImageDefault = c.cmd.join(' ') === img.cmd.join(' ');

  if (isImageDefault && img.requiresEnv && !img.requiresEnv.anyOf.some((k) => c.env.some((e) => e.startsWith(`${k}=`) && e.length > k.length + 1))) {
    return { kind: 'exit', code: 1, logs: img.requiresEnv.log };
  }
  if (isImageDefault && img.listens.length) return { kind: 'service', listens: img.listens, logs: startupLogs(img, clockText), handlesSigterm: true };
  if (base === 'nginx' && img.repo === 'nginx') return { kind: 'service', listens: img.listens, logs: startupLogs(img, clockText), handlesSigterm: true };
  if (base === 'httpd-foreground' || base === 'redis-server' || base === 'postgres' || base === 'mysqld') {
    const l = img.listens;
    if (l.length) return { kind: 'service', listens: l, logs: [], handlesSigterm: true };
  }
  if ((base === 'python' || base === 'python3') && argv[1] === '-m' && argv[2] === 'http.server') {
    const port = Number(argv[3] ?? '8000') || 8000;
    return {
      kind: 'service',
      listens: [{ proto: 'tcp', port, service: { kind: 'http', server: 'python' }, process: 'python' }],
      logs: [],
      // Python installs no SIGTERM handler, and PID 1 ignores signals it does not handle.
      handlesSigterm: false,
    };
  }
  if (base === 'nc' && argv.includes('-l')) {
    const p = argv[argv.indexOf('-p') + 1] ?? argv[argv.length - 1] ?? '';
    const port = Number(p);
    if (Number.isInteger(port) && port > 0) {
      return { kind: 'service', listens: [{ proto: 'tcp', port, service: { kind: 'http', server: 'python' }, process: 'nc' }], logs: [], handlesSigterm: false };
    }
  }
  if (SHELLS.has(prog) || SHELLS.has(base)) {
    // Without an open stdin a shell reads EOF and exits 0 (why `docker run -d alpine` stops at once).
    return c.openStdin ? { kind: 'idle' } : { kind: 'exit', code: 0, logs: [] };
  }
  if (IDLE.has(base) && !(base === 'cat' && argv.length > 1)) return { kind: 'idle' };
  // A ping without -c never ends on its own: the container keeps running.
  if (base === 'ping' && !argv.some((a) => a.startsWith('-c'))) return { kind: 'idle' };
  return { kind: 'oneshot', argv };
}

/** The official nginx image's entrypoint and startup notices (docker logs of a fresh nginx). */
function startupLogs(img: ImageInfo, clockText: string): string[] {
  if (img.repo !== 'nginx') return [];
  return [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${clockText} [notice] 1#1: using the "epoll" event method`,
    `${clockText} [notice] 1#1: nginx/1.29.3`,
    `${clockText} [notice] 1#1: built by gcc 14.2.0 (Debian 14.2.0-19)`,
    `${clockText} [notice] 1#1: OS: Linux 6.12.48+deb13-amd64`,
    `${clockText} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${clockText} [notice] 1#1: start worker processes`,
    `${clockText} [notice] 1#1: start worker process 29`,
    `${clockText} [notice] 1#1: start worker process 30`,
  ];
}

/** nginx's complaint when its port is taken (host network mode); it retries five times, then gives up. */
export function nginxBindFailure(clockText: string, addr: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < 5; i++) {
    out.push(`${clockText} [emerg] 1#1: bind() to ${addr} failed (98: Address already in use)`);
    out.push(`nginx: [emerg] bind() to ${addr} failed (98: Address already in use)`);
    out.push(`${clockText} [notice] 1#1: try again to bind() after 500ms`);
  }
  out.push(`${clockText} [emerg] 1#1: still could not bind()`);
  out.push('nginx: [emerg] still could not bind()');
  return out;
}

/** nginx's error-log timestamp: 2026/11/27 09:00:01 */
export function nginxTime(ms: number): string {
  const d = new Date(ms).toISOString();
  return `${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)} ${d.slice(11, 19)}`;
}
