import type { LessonTexts } from './types';

export const userNetworks: LessonTexts = {
  en: {
    intro: [
      '`docker network create NAME` makes a new bridge [network](network) with its own Linux [bridge](bridge) (`br-…`) and subnet (172.18.0.0/16 for the first one). Containers join it with `--network NAME`.',
      'Unlike the default bridge, a user-defined network has name resolution: Docker\'s embedded DNS server at 127.0.0.11 answers the names of the containers on the same network. No --link needed.',
      'Different bridge networks are isolated from each other: Docker\'s iptables rules drop traffic between them.',
    ],
    tasks: {
      mynet: {
        text: 'Create a bridge network named `mynet`.',
        hints: ['`docker network create mynet` (bridge is the default driver).'],
      },
      'by-name': {
        text: 'Start two alpine containers, `c1` and `c2`, on mynet, so that c1 can ping c2 by its name (`docker exec c1 ping -c 2 c2`).',
        hints: ['Attach them when you run them: `--network mynet`.', '`docker run -dit --name c1 --network mynet alpine`, the same for c2.'],
      },
      resolver: {
        text: 'Which nameserver does c1 use? (`docker exec c1 cat /etc/resolv.conf`)',
        hints: ['The line starting with `nameserver`.', 'It is an address on c1\'s own loopback range.'],
      },
      isolation: {
        text: 'Start `alpine3` on the default bridge and ping c2 from it, by name and by IP (c2\'s IP is in `docker network inspect mynet`). What happens?',
        hints: ['Try both pings.', 'alpine3 and c2 are on two different bridges.'],
        choices: {
          isolated: 'Neither works: the name is unknown there, and the IP gets no answer because the networks are isolated',
          'ip-works': 'The name fails but the IP works',
          'both-work': 'Both work: every container on the host can reach the others',
        },
      },
    },
    why: {
      'no-mynet': 'There is no bridge network named mynet yet.',
      'not-on-mynet': '{name} is not attached to mynet. Run it with `--network mynet` (or `docker network connect mynet {name}`).',
      'no-name': 'c1 cannot resolve the name c2.',
      'no-answer': 'c1 resolves c2 but gets no answer.',
      'host-dns': '192.168.1.1 is the host\'s DNS. On a user-defined network the container asks Docker\'s embedded DNS first.',
    },
    done: 'On a user-defined network containers find each other by name through Docker\'s DNS at 127.0.0.11; separate bridge networks are isolated.',
  },
  'zh-CN': {
    intro: [
      '`docker network create 名称` 会创建一个新的 bridge [网络](network)，它有自己的 Linux [网桥](bridge)（`br-…`）和子网（第一个是 172.18.0.0/16）。容器用 `--network 名称` 加入它。',
      '与默认网桥不同，自定义网络支持名称解析：Docker 内置的 DNS 服务器（127.0.0.11）会解析同一网络上各个容器的名字，不需要 --link。',
      '不同的 bridge 网络之间是隔离的：Docker 的 iptables 规则会丢弃它们之间的流量。',
    ],
    tasks: {
      mynet: {
        text: '创建一个名为 `mynet` 的 bridge 网络。',
        hints: ['`docker network create mynet`（默认驱动就是 bridge）。'],
      },
      'by-name': {
        text: '在 mynet 上启动两个 alpine 容器 `c1` 和 `c2`，使 c1 能通过名字 ping 通 c2（`docker exec c1 ping -c 2 c2`）。',
        hints: ['运行时接入网络：`--network mynet`。', '`docker run -dit --name c1 --network mynet alpine`，c2 同理。'],
      },
      resolver: {
        text: 'c1 使用哪个 DNS 服务器（nameserver）？（`docker exec c1 cat /etc/resolv.conf`）',
        hints: ['以 `nameserver` 开头的那一行。', '它是 c1 自己回环网段上的一个地址。'],
      },
      isolation: {
        text: '在默认网桥上启动 `alpine3`，从它分别用名字和 IP ping c2（c2 的 IP 见 `docker network inspect mynet`）。结果如何？',
        hints: ['两种 ping 都试一试。', 'alpine3 和 c2 在两个不同的网桥上。'],
        choices: {
          isolated: '都不行：那里不认识这个名字，而 IP 也没有回应，因为两个网络是隔离的',
          'ip-works': '名字不行，但 IP 可以',
          'both-work': '都可以：主机上的容器彼此都能访问',
        },
      },
    },
    why: {
      'no-mynet': '还没有名为 mynet 的 bridge 网络。',
      'not-on-mynet': '{name} 没有接入 mynet。运行时加上 `--network mynet`（或执行 `docker network connect mynet {name}`）。',
      'no-name': 'c1 无法解析名字 c2。',
      'no-answer': 'c1 能解析 c2，但没有收到回应。',
      'host-dns': '192.168.1.1 是宿主机的 DNS。在自定义网络上，容器先询问 Docker 内置的 DNS。',
    },
    done: '在自定义网络上，容器通过 Docker 内置的 DNS（127.0.0.11）按名字找到彼此；不同的 bridge 网络相互隔离。',
  },
};
