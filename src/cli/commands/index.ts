import type { CommandSpec } from '../types';
import { dockerAttach } from './docker/attach';
import { dockerExec } from './docker/exec';
import { dockerNetworkConnect, dockerNetworkDisconnect } from './docker/network/connect';
import { dockerNetworkCreate } from './docker/network/create';
import { dockerNetworkPrune } from './docker/network/prune';
import { dockerNetworkRm } from './docker/network/rm';
import { dockerRun } from './docker/run';
import { iptables } from './iptables';
import { ssh } from './ssh';
import { service, systemctl } from './systemctl';

/** The command list: one line per command. */
export const COMMANDS: readonly CommandSpec[] = [
  // docker: containers
  dockerRun,
  dockerExec,
  dockerAttach,
  // docker: networks
  dockerNetworkCreate,
  dockerNetworkRm,
  dockerNetworkConnect,
  dockerNetworkDisconnect,
  dockerNetworkPrune,
  // host tools
  iptables,
  systemctl,
  service,
  ssh,
];
