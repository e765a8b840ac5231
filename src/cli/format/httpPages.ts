import type { ServiceKind } from '../../engine/net/types';

/**
 * What each simulated server answers to `GET /`: the official images' default pages and the
 * lab's internet sites. Bodies are the real ones (nginx 1.29 welcome page: 615 bytes).
 */
export interface HttpAnswer {
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly string[];
  readonly body: string;
}

const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const EXAMPLE = `<!doctype html><html lang="en"><head><title>Example Domain</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>body{background:#eee;width:60vw;margin:15vh auto;font-family:system-ui,sans-serif}h1{font-size:1.5em}div{opacity:0.8}a:link,a:visited{color:#348}</style><body><div><h1>Example Domain</h1><p>This domain is for use in documentation examples without needing permission. Avoid use in operations.<p><a href="https://iana.org/domains/example">Learn more</a></div></body></html>
`;

const MOVED = (to: string) => `<HTML><HEAD><meta http-equiv="content-type" content="text/html;charset=utf-8">
<TITLE>301 Moved</TITLE></HEAD><BODY>
<H1>301 Moved</H1>
The document has moved
<A HREF="${to}">here</A>.
</BODY></HTML>
`;

const PY_LISTING = `<!DOCTYPE HTML>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Directory listing for /</title>
</head>
<body>
<h1>Directory listing for /</h1>
<hr>
<ul>
<li><a href=".dockerenv">.dockerenv</a></li>
<li><a href="bin/">bin@</a></li>
<li><a href="etc/">etc/</a></li>
<li><a href="home/">home/</a></li>
<li><a href="usr/">usr/</a></li>
</ul>
<hr>
</body>
</html>
`;

export function httpAnswer(service: ServiceKind, host: string): HttpAnswer | null {
  if (service.kind !== 'http') return null;
  if (host === 'google.com' || host === 'www.google.com') {
    return { status: 301, reason: 'Moved Permanently', headers: ['Location: http://www.google.com/', 'Content-Type: text/html; charset=UTF-8'], body: MOVED('http://www.google.com/') };
  }
  if (host === 'example.com') return { status: 200, reason: 'OK', headers: ['Content-Type: text/html'], body: EXAMPLE };
  if (service.server === 'httpd') return { status: 200, reason: 'OK', headers: ['Server: Apache/2.4.65 (Unix)', 'Content-Type: text/html'], body: '<html><body><h1>It works!</h1></body></html>\n' };
  if (service.server === 'python') return { status: 200, reason: 'OK', headers: ['Server: SimpleHTTP/0.6 Python/3.14.0', 'Content-type: text/html; charset=utf-8'], body: PY_LISTING };
  // nginx's header order (ngx_http_header_filter): Server, Date, Content-Type, Content-Length,
  // Last-Modified, Connection, ETag, Accept-Ranges. The caller adds Date after Server.
  return {
    status: 200,
    reason: 'OK',
    headers: ['Server: nginx/1.29.3', 'Content-Type: text/html', 'Content-Length: 615', 'Last-Modified: Tue, 28 Oct 2025 13:41:43 GMT', 'Connection: keep-alive', 'ETag: "6900c777-267"', 'Accept-Ranges: bytes'],
    body: NGINX_WELCOME,
  };
}
