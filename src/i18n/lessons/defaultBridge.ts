import type { LessonTexts } from './types';

export const defaultBridge: LessonTexts = {
  en: {
    intro: [
      'When Docker starts it creates a virtual Linux bridge on the host, [docker0](bridge:docker0). A bridge works like a switch: every container started without `--network` is plugged into it.',
      'Docker gives each container an address from the bridge\'s subnet (172.17.0.0/16), the Container-IP, and makes docker0\'s own address the container\'s default gateway. Containers on the same bridge talk to each other directly by IP.',
      'docker0 exists only inside the host. The rest of your LAN, like the [laptop](machine:laptop), cannot address it, so nobody outside can reach a Container-IP directly.',
    ],
    tasks: {
      'two-containers': {
        text: 'Start two alpine containers in the background, named `alpine1` and `alpine2`, on the default bridge.',
        hints: [
          'alpine runs a shell: give it a terminal and keep it running with `-dit` (detached, interactive, TTY).',
          '`docker run -dit --name alpine1 alpine`, then the same for alpine2.',
        ],
      },
      gateway: {
        text: 'What is the containers\' default gateway? Look at the routes inside alpine1 (`docker exec alpine1 ip route`), then compare with `ip addr show docker0` on the host.',
        hints: ['The line starting with `default via` names the gateway.', 'It is docker0\'s own address, the first address of 172.17.0.0/16.'],
      },
      'ping-by-ip': {
        text: 'Find alpine2\'s IP address (`docker inspect alpine2`, or `ip addr` inside it) and ping it from alpine1: `docker exec alpine1 ping -c 2 <IP>`. Which address answered?',
        hints: ['Addresses are handed out in order from 172.17.0.2.', 'alpine2 was started second.'],
      },
      outside: {
        text: 'Go to the laptop (`ssh laptop`) and ping alpine1\'s address. Why does nobody answer?',
        hints: ['On the laptop, `ip route` shows where its packets go.', 'Think about where docker0 exists.'],
        choices: {
          'virtual-bridge': 'docker0 is virtual and lives only inside docker-host: the LAN has no route to 172.17.0.0/16',
          'container-down': 'alpine1 stopped when I left the host',
          'no-ping': 'alpine containers never answer ping',
        },
      },
    },
    why: {
      'lan-router': '192.168.1.1 is the host\'s own gateway on the LAN. Ask the container: `docker exec alpine1 ip route`.',
      'own-ip': 'That is alpine1\'s own address. You need alpine2\'s.',
      'gateway-ip': '172.17.0.1 is docker0, the gateway, not a container.',
    },
    done: 'Containers on docker0 get addresses from 172.17.0.0/16, use docker0 (172.17.0.1) as their gateway and reach each other by IP; the LAN cannot reach those addresses.',
  },
  'zh-CN': {
    intro: [
      'Docker 启动时会在宿主机上创建一个虚拟的 Linux 网桥 [docker0](bridge:docker0)。网桥的工作方式类似交换机：不加 `--network` 启动的容器都会接入这个网桥。',
      'Docker 从网桥的网段（172.17.0.0/16）中分配一个 IP 给每个容器，称为 Container-IP，并把 docker0 自己的地址设为容器的默认网关。同一网桥上的容器可以直接通过 IP 互相通信。',
      'docker0 只存在于宿主机内部。局域网里的其他设备（例如 [laptop](machine:laptop)）无法寻址到它，所以外部网络无法直接通过 Container-IP 访问容器。',
    ],
    tasks: {
      'two-containers': {
        text: '在后台启动两个 alpine 容器，分别命名为 `alpine1` 和 `alpine2`，使用默认网桥。',
        hints: [
          'alpine 运行的是一个 shell：用 `-dit`（后台、交互、分配终端）让它保持运行。',
          '`docker run -dit --name alpine1 alpine`，alpine2 同理。',
        ],
      },
      gateway: {
        text: '容器的默认网关是什么？查看 alpine1 里的路由（`docker exec alpine1 ip route`），再和宿主机上的 `ip addr show docker0` 对比。',
        hints: ['以 `default via` 开头的那一行给出了网关。', '它就是 docker0 自己的地址，即 172.17.0.0/16 的第一个地址。'],
      },
      'ping-by-ip': {
        text: '找到 alpine2 的 IP 地址（`docker inspect alpine2`，或在容器里运行 `ip addr`），然后从 alpine1 ping 它：`docker exec alpine1 ping -c 2 <IP>`。是哪个地址回应了？',
        hints: ['地址从 172.17.0.2 开始依次分配。', 'alpine2 是第二个启动的。'],
      },
      outside: {
        text: '切换到 laptop（`ssh laptop`），ping alpine1 的地址。为什么没有回应？',
        hints: ['在 laptop 上用 `ip route` 看看它的数据包发往哪里。', '想一想 docker0 存在于哪里。'],
        choices: {
          'virtual-bridge': 'docker0 是虚拟网桥，只存在于 docker-host 内部：局域网没有去往 172.17.0.0/16 的路由',
          'container-down': '离开宿主机后 alpine1 就停止了',
          'no-ping': 'alpine 容器从不响应 ping',
        },
      },
    },
    why: {
      'lan-router': '192.168.1.1 是宿主机自己在局域网上的网关。请在容器里查看：`docker exec alpine1 ip route`。',
      'own-ip': '这是 alpine1 自己的地址，需要的是 alpine2 的地址。',
      'gateway-ip': '172.17.0.1 是网关 docker0，不是容器。',
    },
    done: '接入 docker0 的容器从 172.17.0.0/16 获得地址，以 docker0（172.17.0.1）为网关，彼此可以通过 IP 直接通信；局域网无法访问这些地址。',
  },
};
