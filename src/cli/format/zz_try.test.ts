import { test } from 'vitest';
import { createWorld } from '../../engine/createWorld';
import { runLine } from '../runLine';
import type { Shell } from '../types';
import type { World } from '../../engine/world';

test('try', () => {
  let w: World = createWorld();
  let sh: Shell = { at: 'host' };
  const lines = [
    'docker run -d --name web -p 8080:80 nginx',
    'docker run -dit --name a1 alpine',
    'docker network create mynet',
    'docker run -dit --name a2 --network mynet alpine',
    'docker run -dit --name db --link web:webserver alpine',
    'brctl show', 'bridge link', 'ss -tlnp', 'ss -tulpn', 'ss -lntu', 'ps aux', 'ps -ef', 'ps', 'hostname', 'hostname -i', 'hostname -I',
    'cat /etc/hosts', 'cat /etc/resolv.conf', 'cat /etc/docker/daemon.json', 'cat /proc/sys/net/ipv4/ip_forward', 'cat /nope',
    'env', 'echo $HOME hi', 'whoami', 'uname -a', 'ip netns', 'ip -4 a',
    'docker exec db cat /etc/hosts', 'docker exec db cat /etc/resolv.conf', 'docker exec a2 cat /etc/resolv.conf', 'docker exec a2 cat /etc/hosts',
    'docker exec db ps', 'docker exec db ps aux', 'docker exec db env', 'docker exec db hostname -i', 'docker exec db uname -a',
    'docker exec web ps', 'docker exec web ip a', 'docker exec web hostname', 'docker exec web cat /nope', 'docker exec db cat /nope',
    'docker exec a2 ip a', 'docker exec a2 ip r', 'docker exec a2 ss -tlnp',
    'docker run --rm --network host alpine cat /etc/hosts', 'docker run --rm --network host alpine cat /etc/resolv.conf',
    'docker run --rm --network none alpine cat /etc/resolv.conf', 'docker run --rm --network none alpine ip a',
    'docker run --rm python ip a', 'docker run --rm python ss -tln',
  ];
  for (const l of lines) {
    const r = runLine(w, sh, l);
    w = r.world; sh = r.shell;
    console.log(`$ ${l}\n` + r.out.map((o) => (o.stream === 'err' ? '[ERR]' : '') + o.text).join('') + `[exit ${r.exitCode}]`);
  }
});
