import type { CommandSpec } from '../types';
import { dockerAttach } from './docker/attach';
import { dockerExec } from './docker/exec';
import { dockerContainerGroup, dockerImageGroup, dockerNetworkGroup, dockerRoot } from './docker/groups';
import { dockerNetworkConnect, dockerNetworkDisconnect } from './docker/network/connect';
import { dockerNetworkCreate } from './docker/network/create';
import { dockerNetworkPrune } from './docker/network/prune';
import { dockerNetworkRm } from './docker/network/rm';
import { dockerRun } from './docker/run';
import { dockerContainerInspect } from './docker/container/inspect';
import { dockerCreate } from './docker/create';
import { dockerImages } from './docker/images';
import { dockerInspect } from './docker/inspect';
import { dockerKill } from './docker/kill';
import { dockerLogs } from './docker/logs';
import { dockerNetworkInspect } from './docker/network/inspect';
import { dockerNetworkLs } from './docker/network/ls';
import { dockerPort } from './docker/port';
import { dockerPs } from './docker/ps';
import { dockerPull } from './docker/pull';
import { dockerRestart } from './docker/restart';
import { dockerRm } from './docker/rm';
import { dockerStart } from './docker/start';
import { dockerStop } from './docker/stop';
import { curl } from './curl';
import { help } from './help';
import { iptables } from './iptables';
import { nc } from './nc';
import { netstat } from './netstat';
import { nslookup } from './nslookup';
import { ping } from './ping';
import { wget } from './wget';
import { ssh } from './ssh';
import { service, systemctl } from './systemctl';
import { sysctl } from './sysctl';
import { bridge } from './bridge';
import { brctl } from './brctl';
import { cat } from './cat';
import { clear } from './clear';
import { echo } from './echo';
import { env } from './env';
import { hostname } from './hostname';
import { ip } from './ip';
import { printenv } from './printenv';
import { ps } from './ps';
import { ss } from './ss';
import { uname } from './uname';
import { whoami } from './whoami';

/** The command list: one line per command. */
export const COMMANDS: readonly CommandSpec[] = [
  dockerRoot,
  dockerContainerGroup,
  dockerImageGroup,
  dockerNetworkGroup,
  // docker: containers
  dockerRun,
  dockerExec,
  dockerAttach,
  dockerCreate,
  dockerPs,
  dockerInspect,
  dockerContainerInspect,
  dockerPort,
  dockerLogs,
  dockerStart,
  dockerStop,
  dockerRestart,
  dockerRm,
  dockerKill,
  // docker: images
  dockerImages,
  dockerPull,
  // docker: networks
  dockerNetworkCreate,
  dockerNetworkRm,
  dockerNetworkConnect,
  dockerNetworkDisconnect,
  dockerNetworkPrune,
  dockerNetworkInspect,
  dockerNetworkLs,
  // network tools (their packets walk the simulated kernel)
  ping,
  curl,
  wget,
  nc,
  nslookup,
  // host tools
  help,
  iptables,
  systemctl,
  service,
  sysctl,
  ssh,
  // host and container tools
  ip,
  brctl,
  bridge,
  ss,
  netstat,
  ps,
  hostname,
  cat,
  env,
  printenv,
  echo,
  whoami,
  uname,
  clear,
];
