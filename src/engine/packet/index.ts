/** The packet walk: what the CLI's ping/curl/nslookup/trace and the graph's animation use. */
export { sendPacket, findListener, socketText, ephemeralPort } from './send';
export { localAddresses, isLocalAddress, localOwner, routeLookup, routeText, ipRouteGetText, selectSource, type RouteResult } from './route';
export { resolveName, hostsEntries, containerInNetns, EMBEDDED_DNS, type Resolution, type ResolveOptions } from './dns';
export type { Hop, PacketError, PacketInput, PacketProto, PacketReply, PacketResult, Tuple } from './types';
