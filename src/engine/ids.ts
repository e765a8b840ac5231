/**
 * Branded identifiers. Every record in the World is keyed by one of these; the brand stops a
 * container id from being passed where a network id is expected.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** 64 lowercase hex characters, Docker's stringid. */
export type ContainerId = Brand<string, 'ContainerId'>;
export type NetworkId = Brand<string, 'NetworkId'>;
export type EndpointId = Brand<string, 'EndpointId'>;
/** Network namespace key: 'host', 'router', 'laptop', an internet host's name, or 'sb-<12 hex>' for a sandbox. */
export type NetnsId = Brand<string, 'NetnsId'>;
/** Interface key, unique in the whole world: `<netns>/<ifindex>` at creation time (never reused). */
export type IfaceId = Brand<string, 'IfaceId'>;

export const HOST_NS = 'host' as NetnsId;
export const ROUTER_NS = 'router' as NetnsId;
export const LAPTOP_NS = 'laptop' as NetnsId;

export function shortId(id: string): string {
  return id.slice(0, 12);
}
