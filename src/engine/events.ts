import type { ContainerId, IfaceId, NetnsId, NetworkId } from './ids';
import type { TableName } from './netfilter/types';
import type { Hop } from './packet/types';

/**
 * What happened, in the domain's words. The console, the graph and the lessons react to events;
 * the engine never calls a view.
 */
export type EngineEvent =
  | { readonly type: 'netns-created' | 'netns-deleted'; readonly netns: NetnsId }
  | { readonly type: 'iface-created' | 'iface-deleted'; readonly iface: IfaceId; readonly netns: NetnsId; readonly name: string }
  | { readonly type: 'veth-created'; readonly host: IfaceId; readonly peer: IfaceId }
  | { readonly type: 'bridge-port-added' | 'bridge-port-removed'; readonly bridge: IfaceId; readonly port: IfaceId }
  | { readonly type: 'addr-added' | 'addr-deleted'; readonly iface: IfaceId; readonly ip: string; readonly prefix: number }
  | { readonly type: 'link-up' | 'link-down'; readonly iface: IfaceId; readonly netns: NetnsId; readonly name: string }
  | { readonly type: 'route-added' | 'route-deleted'; readonly netns: NetnsId; readonly dst: string }
  | { readonly type: 'rule-appended' | 'rule-inserted' | 'rule-deleted'; readonly netns: NetnsId; readonly table: TableName; readonly chain: string; readonly rule: string }
  | { readonly type: 'network-created' | 'network-removed'; readonly network: NetworkId; readonly name: string }
  | { readonly type: 'container-created' | 'container-started' | 'container-stopped' | 'container-removed'; readonly container: ContainerId; readonly name: string }
  | { readonly type: 'endpoint-joined' | 'endpoint-left'; readonly container: ContainerId; readonly network: NetworkId }
  | { readonly type: 'port-published' | 'port-unpublished'; readonly container: ContainerId; readonly proto: string; readonly hostIp: string; readonly hostPort: number; readonly containerPort: number }
  | { readonly type: 'image-pulled'; readonly image: string }
  | { readonly type: 'daemon-restarted' }
  | { readonly type: 'packet'; readonly hops: readonly Hop[]; readonly delivered: boolean };
