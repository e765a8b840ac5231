import { appendLogs } from '../../engine/docker/lifecycle';
import type { ContainerId } from '../../engine/ids';
import { containerInNetns, type PacketResult } from '../../engine/packet';
import type { World } from '../../engine/world';
import { byteLength } from '../format/bytes';
import { httpAnswer, type HttpAnswer } from '../format/httpPages';
import type { Url } from './url';

/**
 * The server side of an HTTP request the walk delivered: the page the socket's service serves,
 * and, for nginx in a container, the access-log line with the client address the server saw
 * (through docker-proxy that is the bridge's gateway, not the real client).
 */
export type HttpOutcome =
  | { readonly kind: 'page'; readonly answer: HttpAnswer; readonly world: World }
  | { readonly kind: 'not-http'; readonly service: string };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function clf(ms: number): string {
  const d = new Date(ms).toISOString();
  return `${d.slice(8, 10)}/${MONTHS[Number(d.slice(5, 7)) - 1] ?? 'Jan'}/${d.slice(0, 4)}:${d.slice(11, 19)} +0000`;
}

export function serve(world: World, r: PacketResult, url: Url, userAgent: string, head: boolean): HttpOutcome {
  const socket = r.answeredBy?.socket;
  if (!socket) return { kind: 'not-http', service: 'none' };
  // docker-proxy forwards to the container: the final server is the one the inner leg reached.
  const answer = httpAnswer(socket.service, url.host);
  if (!answer) return { kind: 'not-http', service: socket.service.kind };
  let w = world;
  const owner = r.answeredBy ? containerInNetns(world, r.answeredBy.netns) : undefined;
  if (owner && socket.service.kind === 'http' && socket.service.server === 'nginx') {
    const client = r.seen?.src ?? '-';
    const size = head ? 0 : byteLength(answer.body);
    const line = `${client} - - [${clf(world.clock)}] "${head ? 'HEAD' : 'GET'} ${url.path} HTTP/1.1" ${answer.status} ${size} "-" "${userAgent}" "-"`;
    w = appendLogs(w, owner.id as ContainerId, [line]);
  }
  return { kind: 'page', answer, world: w };
}
