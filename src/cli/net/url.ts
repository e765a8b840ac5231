/** The part of a URL curl and wget need: scheme, host, port, path. */
export interface Url {
  readonly scheme: 'http' | 'https';
  readonly host: string;
  readonly port: number;
  readonly path: string;
}

export function parseUrl(s: string): Url | null {
  const m = /^(?:(https?):\/\/)?([^/:?#\s]+)(?::(\d+))?([/?#].*)?$/i.exec(s);
  if (!m || !m[2]) return null;
  const scheme = (m[1] ?? 'http').toLowerCase() === 'https' ? 'https' : 'http';
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (port < 1 || port > 65535) return null;
  return { scheme, host: m[2].replace(/^\[|\]$/g, ''), port, path: m[4] && m[4].startsWith('/') ? m[4] : '/' };
}
