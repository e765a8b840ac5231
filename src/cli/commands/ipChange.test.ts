import { describe, expect, it } from 'vitest';
import { Session } from '../session.testutil';
import { effectiveCapAdd } from './docker/containerSpec';

const err = (err: string, code: number) => ({ out: '', err, code });
const quiet = { out: '', err: '', code: 0 };

describe('iproute2: changing the network by hand', () => {
  it('parse errors, then device lookup, then the kernel: in iproute2 6.15 words and exit codes', () => {
    const s = new Session(1);
    expect(s.run('ip route add foo')).toEqual(err('Error: any valid prefix is expected rather than "foo".\n', 1));
    expect(s.run('ip -4 route add foo')).toEqual(err('Error: inet prefix is expected rather than "foo".\n', 1));
    expect(s.run('ip route add 10.0.0.0/8 via bar')).toEqual(err('Error: inet address is expected rather than "bar".\n', 1));
    expect(s.run('ip route add default via bar')).toEqual(err('Error: any valid address is expected rather than "bar".\n', 1));
    expect(s.run('ip route add 10.0.0.0/8 via')).toEqual(err('Command line is not complete. Try option "help"\n', 255));
    expect(s.run('ip route add 10.0.0.0/8 metric x dev eth0')).toEqual(err('Error: argument "x" is wrong: "metric" value is invalid\n\n', 255));
    expect(s.run('ip route add 10.0.0.0/8 dev eth9')).toEqual(err('Cannot find device "eth9"\n', 1));
    expect(s.run('ip route add 10.0.0.0/8 via 10.9.9.9')).toEqual(err('Error: Nexthop has invalid gateway.\n', 2));
    expect(s.run('ip route add 10.1.2.0/8 via 192.168.1.1')).toEqual(err('Error: Invalid prefix for given prefix length.\n', 2));
    expect(s.run('ip route add 192.168.1.0/24 dev eth0')).toEqual(err('RTNETLINK answers: File exists\n', 2));
    expect(s.run('ip route del 10.0.0.0/8')).toEqual(err('RTNETLINK answers: No such process\n', 2));
    expect(s.run('ip route add 10.0.0.0/8')).toEqual(err('RTNETLINK answers: No such device\n', 2));
    expect(s.run('ip link set eth9 down')).toEqual(err('Cannot find device "eth9"\n', 1));
    expect(s.run('ip link set down')).toEqual(err('Not enough information: "dev" argument is required.\n', 255));
    expect(s.run('ip link set eth0 docker0 up')).toEqual(err('Error: either "dev" is duplicate, or "docker0" is garbage.\n', 255));
    expect(s.run('ip addr add 10.0.0.1/24')).toEqual(err('Not enough information: "dev" argument is required.\n', 1));
    expect(s.run('ip addr del 10.0.0.1/24 dev eth0')).toEqual(err('Error: ipv4: Address not found.\n', 2));
  });

  it('route add/replace/del and addr add/del change what ip route and ip addr print', () => {
    const s = new Session(1);
    expect(s.run('ip route add 10.0.0.0/8 via 192.168.1.1 metric 5')).toEqual(quiet);
    expect(s.run('ip route add 10.20.0.0/16 dev docker0')).toEqual(quiet);
    expect(s.run('ip route').out).toBe(
      'default via 192.168.1.1 dev eth0 proto dhcp metric 100 \n' +
        '10.0.0.0/8 via 192.168.1.1 dev eth0 metric 5 \n' +
        '10.20.0.0/16 dev docker0 scope link linkdown \n' +
        '172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown \n' +
        '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10 \n',
    );
    expect(s.run('ip route replace 10.0.0.0/8 dev docker0 metric 5')).toEqual(quiet);
    expect(s.run('ip route show 10.0.0.0/8').out).toBe('10.0.0.0/8 dev docker0 scope link metric 5 linkdown \n');
    expect(s.run('ip route del 10.0.0.0/8')).toEqual(quiet);
    expect(s.run('ip addr add 10.5.0.1/24 dev eth0')).toEqual(quiet);
    expect(s.run('ip addr add 10.5.0.2/24 brd + dev eth0')).toEqual(quiet);
    expect(s.run('ip -4 addr show eth0').out).toBe(
      '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n' +
        '    inet 192.168.1.10/24 brd 192.168.1.255 scope global eth0\n       valid_lft forever preferred_lft forever\n' +
        '    inet 10.5.0.1/24 scope global eth0\n       valid_lft forever preferred_lft forever\n' +
        '    inet 10.5.0.2/24 brd 10.5.0.255 scope global secondary eth0\n       valid_lft forever preferred_lft forever\n',
    );
    expect(s.run('ip route show 10.5.0.0/24').out).toBe('10.5.0.0/24 dev eth0 proto kernel scope link src 10.5.0.1 \n');
    expect(s.run('ip addr add 10.5.0.1/24 dev eth0')).toEqual(err('RTNETLINK answers: File exists\n', 2));
    const wild = s.run('ip addr del 10.5.0.2 dev eth0');
    expect(wild.code).toBe(0);
    expect(wild.err).toContain('Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length (10.5.0.2/32) to avoid this warning.\n');
  });

  it('ip link set down: flags, operstate, routes gone; up: only the connected route comes back', () => {
    const s = new Session(1);
    s.run('ip route add 10.0.0.0/8 via 192.168.1.1');
    expect(s.run('ip link set dev eth0 down')).toEqual(quiet);
    expect(s.run('ip link show eth0').out).toBe('2: eth0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n    link/ether 52:54:00:6b:3c:1e brd ff:ff:ff:ff:ff:ff\n');
    expect(s.run('ip route').out).toBe('172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown \n');
    expect(s.run('ping -c 1 8.8.8.8')).toEqual(err('ping: connect: Network is unreachable\n', 2));
    expect(s.run('ip route add default via 192.168.1.1')).toEqual(err('Error: Nexthop has invalid gateway.\n', 2));
    expect(s.run('ip link set eth0 up')).toEqual(quiet);
    expect(s.run('ip route').out).toBe('172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown \n192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10 \n');
    expect(s.run('ip route add default via 192.168.1.1')).toEqual(quiet);
  });
});

describe('who may change the network', () => {
  it('the laptop user needs sudo', () => {
    const s = new Session(1);
    s.run('ssh laptop');
    expect(s.run('ip link set wlan0 down')).toEqual(err('RTNETLINK answers: Operation not permitted\n', 2));
    expect(s.run('ip route add 172.17.0.0/16 via 192.168.1.10')).toEqual(err('RTNETLINK answers: Operation not permitted\n', 2));
    expect(s.run('ip addr add 10.0.0.1/24 dev wlan0')).toEqual(err('RTNETLINK answers: Operation not permitted\n', 2));
    // Errors found before the kernel is asked come first.
    expect(s.run('ip route add 172.17.0.0/16 dev eth0')).toEqual(err('Cannot find device "eth0"\n', 1));
    expect(s.run('sudo ip route add 172.17.0.0/16 via 192.168.1.10')).toEqual(quiet);
    expect(s.run('ip route show 172.17.0.0/16').out).toBe('172.17.0.0/16 via 192.168.1.10 dev wlan0 \n');
  });

  it('a container needs NET_ADMIN (busybox: ioctl for links, netlink for routes and addresses)', () => {
    const s = new Session(1);
    s.run('docker run -dit --name plain alpine');
    s.run('docker run -dit --name admin --cap-add net_admin alpine');
    s.run('docker run -dit --name root --privileged alpine');
    expect(s.run('docker exec plain ip link set eth0 down')).toEqual(err('ip: SIOCSIFFLAGS: Operation not permitted\n', 1));
    // SIOCSIFFLAGS is only issued when the flags change.
    expect(s.run('docker exec plain ip link set eth0 up')).toEqual(quiet);
    expect(s.run('docker exec plain ip link set eth9 up')).toEqual(err("ip: SIOCGIFFLAGS: No such device\n", 1));
    expect(s.run('docker exec plain ip route add 10.0.0.0/8 via 172.17.0.1')).toEqual(err('ip: RTNETLINK answers: Operation not permitted\n', 2));
    expect(s.run('docker exec plain ip addr add 10.0.0.1/24 dev eth0')).toEqual(err('ip: RTNETLINK answers: Operation not permitted\n', 2));
    expect(s.run('docker exec admin ip route add 10.0.0.0/8 via 172.17.0.1')).toEqual(quiet);
    expect(s.run('docker exec admin ip route add 10.0.0.0/8 via 172.17.0.1')).toEqual(err('ip: RTNETLINK answers: File exists\n', 2));
    expect(s.run('docker exec admin ip route add 10.1.0.0/16 via 9.9.9.9')).toEqual(err('ip: RTNETLINK answers: Network is unreachable\n', 2));
    expect(s.run('docker exec admin ip route add foo')).toEqual(err('ip: an inet prefix is expected rather than "foo"\n', 1));
    expect(s.run('docker exec root ip link set eth0 down')).toEqual(quiet);
    expect(s.run('docker exec root ip route').out).toBe('');
    expect(s.run('docker inspect -f "{{.HostConfig.CapAdd}} {{.HostConfig.Privileged}}" admin').out).toBe('[CAP_NET_ADMIN] false\n');
    expect(s.run('docker inspect -f "{{.HostConfig.CapAdd}} {{.HostConfig.Privileged}}" root').out).toBe('[] true\n');
    // Docker still removes what it made after the hand-made changes.
    expect(s.run('docker rm -f plain admin root').code).toBe(0);
    expect(s.run('ip -br link show type veth').out).toBe('');
  });

  it('Docker connects, disconnects and removes over hand-made changes', () => {
    const s = new Session(1);
    const lines = [
      'docker network create net2',
      'docker run -dit --name c1 --cap-add ALL alpine',
      'docker exec c1 ip link set eth0 down',
      'docker exec c1 ip addr add 10.9.0.1/24 dev lo',
      'docker network connect net2 c1',
      'ip link set docker0 down',
      'docker network disconnect bridge c1',
      'ip link set br-b4798dff5a94 down',
      'docker network disconnect net2 c1',
      'docker network connect bridge c1',
      'docker network rm net2',
      'docker rm -f c1',
      'ip link set docker0 up',
    ];
    for (const l of lines) expect([l, s.run(l).code]).toEqual([l, 0]);
    expect(s.run('ip -br link').out).toBe(
      'lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n' +
        'eth0             UP             52:54:00:6b:3c:1e <BROADCAST,MULTICAST,UP,LOWER_UP> \n' +
        'docker0          DOWN           ee:11:fc:19:d8:70 <NO-CARRIER,BROADCAST,MULTICAST,UP> \n',
    );
  });

  it('CapAdd as the docker CLI normalises it', () => {
    expect(effectiveCapAdd(['net_admin', ' NET_RAW', 'CAP_NET_ADMIN'])).toEqual(['CAP_NET_ADMIN', 'CAP_NET_RAW']);
    expect(effectiveCapAdd(['all', 'NET_ADMIN'])).toEqual(['ALL']);
  });
});
