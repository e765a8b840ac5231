import { parseIp } from '../../net/ipv4';
import { err, ok, type Result } from '../../result';

/**
 * The bridge driver's reading of `-o` options (moby v28.5.2 libnetwork/drivers/bridge/
 * bridge_linux.go networkConfiguration.fromLabels, newGwMode, parseNetworkOptions, Validate).
 * Unknown keys are kept in the network's options and ignored, as Docker does. The daemon ranges
 * over the options map in random order; the first bad one in key order is reported here.
 */
export const OPT_BRIDGE_NAME = 'com.docker.network.bridge.name';
export const OPT_ICC = 'com.docker.network.bridge.enable_icc';
export const OPT_MASQ = 'com.docker.network.bridge.enable_ip_masquerade';
export const OPT_MTU = 'com.docker.network.driver.mtu';
export const OPT_GW_MODE = 'com.docker.network.bridge.gateway_mode_ipv4';
export const OPT_HOST_IPV4 = 'com.docker.network.host_ipv4';
export const OPT_HOST_BINDING = 'com.docker.network.bridge.host_binding_ipv4';
export const OPT_IFACE_PREFIX = 'com.docker.network.container_iface_prefix';

const BOOL_OPTS = new Set([OPT_ICC, OPT_MASQ, 'com.docker.network.bridge.default_bridge', 'com.docker.network.bridge.inhibit_ipv4', 'com.docker.network.enable_ipv4', 'com.docker.network.enable_ipv6']);
const IP_OPTS = new Set([OPT_HOST_BINDING, OPT_HOST_IPV4]);
const GW_MODES = new Set(['nat', 'nat-unprotected', 'routed', 'isolated']);

/** strconv.ParseBool's accepted spellings. */
export function parseGoBool(v: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return null;
}

/** parseErr: `failed to parse <label> value: <value> (<why>)`; `why` as Go's strconv words it. */
function parseErr(label: string, value: string, why: string): Result<never> {
  return err('bridge-option-parse', { label, value, why });
}

/** Checks the options a bridge network is created with; ok() when the driver accepts them. */
export function checkBridgeOptions(options: Readonly<Record<string, string>>, internal: boolean): Result<true> {
  for (const label of Object.keys(options).sort()) {
    const value = options[label] ?? '';
    if (BOOL_OPTS.has(label) && parseGoBool(value) === null) return parseErr(label, value, `strconv.ParseBool: parsing "${value}": invalid syntax`);
    if (label === OPT_MTU && !/^[+-]?[0-9]+$/.test(value)) return parseErr(label, value, `strconv.Atoi: parsing "${value}": invalid syntax`);
    if (label === OPT_MTU && Math.abs(Number(value)) > 2 ** 63 - 1) return parseErr(label, value, `strconv.Atoi: parsing "${value}": value out of range`);
    if (label === OPT_GW_MODE && !GW_MODES.has(value)) return parseErr(label, value, `unknown gateway mode ${value}`);
    // net.ParseIP: the lab knows IPv4 only.
    if (IP_OPTS.has(label) && parseIp(value) === null && value !== '::') return parseErr(label, value, 'nil ip');
  }
  if (options[OPT_GW_MODE] === 'isolated' && !internal) return err('gw-mode-isolated-not-internal');
  return ok(true);
}

/** networkConfiguration.Validate, run once the addresses are allocated. */
export function validateMtu(options: Readonly<Record<string, string>>): Result<true> {
  const mtu = Number(options[OPT_MTU] ?? '0');
  if (mtu < 0) return err('invalid-mtu', { mtu });
  return ok(true);
}
