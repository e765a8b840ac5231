import { describe, expect, it } from 'vitest';
import { createWorld } from '../../engine/createWorld';
import { HOST_NS } from '../../engine/ids';
import { BRCTL_USAGE, bridgeLinkText, brctlShowText } from './brctl';
import { nsIfaces } from './linkState';
import { buildLab } from './testWorld';

describe('brctl show (bridge-utils, tab layout of reference/README.md)', () => {
  it('a bridge without ports ends its row after "no\\t\\t"', () => {
    const w = createWorld();
    const mac = nsIfaces(w, HOST_NS).find((i) => i.name === 'docker0')?.mac.replace(/:/g, '') ?? '';
    expect(brctlShowText(w, HOST_NS)).toBe(`bridge name\tbridge id\t\tSTP enabled\tinterfaces\ndocker0\t\t8000.${mac}\tno\t\t\n`);
  });
  it('lists bridges and their ports in name order, further ports after seven tabs', () => {
    const lab = buildLab();
    const ifs = nsIfaces(lab.world, HOST_NS);
    const docker0 = ifs.find((i) => i.name === 'docker0');
    const ports = ifs.filter((i) => i.master === docker0?.id).map((i) => i.name).sort();
    const lines = brctlShowText(lab.world, HOST_NS).split('\n');
    expect(lines[1]).toMatch(/^br-[0-9a-f]{12}\t\t8000\.[0-9a-f]{12}\tno\t\tveth[0-9a-f]{7}$/);
    expect(lines[2]).toBe(`docker0\t\t8000.${docker0?.mac.replace(/:/g, '')}\tno\t\t${ports[0]}`);
    expect(lines[3]).toBe(`\t\t\t\t\t\t\t${ports[1]}`);
    expect(lines[4]).toBe(`\t\t\t\t\t\t\t${ports[2]}`);
  });
  it('help lines use "\\t%-10s\\t%s"', () => {
    expect(BRCTL_USAGE.split('\n')[2]).toBe('\taddbr     \t<bridge>\t\tadd bridge');
    expect(BRCTL_USAGE.split('\n')[8]).toBe('\tsetbridgeprio\t<bridge> <prio>\t\tset bridge priority');
  });
});

describe('bridge link', () => {
  it('prints each port with its STP state, priority and cost', () => {
    const lab = buildLab();
    const veth = nsIfaces(lab.world, HOST_NS).find((i) => i.kind === 'veth');
    expect(bridgeLinkText(lab.world, HOST_NS).split('\n')[0]).toBe(`${veth?.ifindex}: ${veth?.name}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master docker0 state forwarding priority 32 cost 2 `);
  });
});
