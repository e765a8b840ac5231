import type { LessonTexts } from './types';

export const bridgeVeth: LessonTexts = {
  en: {
    intro: [
      'Bridge mode is Docker\'s default: without `--net`, a container is on the bridge. [docker0](bridge:docker0) works like a physical switch, so all containers on the host sit in one layer-2 network.',
      'For each container Docker creates a [veth pair](veth): two virtual network cards joined by a cable. One end goes into the container and is renamed `eth0`; the other stays on the host with a name like `vethXXX` and is plugged into docker0. `brctl show` lists the cards plugged into each bridge.',
      'Inside the container, `ip addr` shows `eth0@ifN`: N is the interface index of the other end of the pair, on the host.',
    ],
    tasks: {
      alpine1: {
        text: 'Start an alpine container named `alpine1` on the default bridge.',
        hints: ['`docker run -dit --name alpine1 alpine`'],
      },
      ifindex: {
        text: 'Run `docker exec alpine1 ip addr`. eth0 appears as `eth0@ifN`. What is N?',
        hints: ['Look at the line starting with `2: eth0@if`.', 'The number right after `@if`.'],
      },
      peer: {
        text: 'On the host, run `ip addr` and find the interface with that index number. What is the name of the host end of the pair?',
        hints: ['On the host, each line starts with the index: `N: name@...`.', 'Its name starts with `veth`; `brctl show` lists it under docker0.'],
      },
      alpine2: {
        text: 'Start a second container, `alpine2`, on the default bridge.',
        hints: ['`docker run -dit --name alpine2 alpine`'],
      },
      'brctl-count': {
        text: 'Run `brctl show`. How many interfaces are now plugged into docker0?',
        hints: ['Count the veth names in the interfaces column for docker0.', 'One veth per running container on the bridge.'],
      },
    },
    why: {
      'own-index': 'That is eth0\'s own index inside the container. N after `@if` is the index of its peer on the host.',
      'bridge-not-veth': 'docker0 is the bridge (the switch). The pair\'s host end is plugged into it.',
      'container-side': 'eth0 is the end inside the container. Which interface on the host has the index N?',
    },
    done: 'Each bridge-mode container is wired to docker0 by a veth pair: eth0@ifN inside, and vethXXX (index N) on the host, as brctl show lists.',
  },
  'zh-CN': {
    intro: [
      'bridge 模式是 Docker 的默认网络模式：不写 `--net` 参数，就是 bridge 模式。[docker0](bridge:docker0) 的工作方式和物理交换机类似，主机上的所有容器就通过交换机连在了一个二层网络中。',
      'Docker 为每个容器在主机上创建一对虚拟网卡 [veth pair](veth)：两块用"网线"连在一起的虚拟网卡。一端放在容器中，并命名为 `eth0`；另一端留在主机中，以 `vethXXX` 这样的名字命名，并加入 docker0 网桥。可以通过 `brctl show` 命令查看。',
      '在容器里，`ip addr` 显示的是 `eth0@ifN`：N 就是这对 veth 另一端在主机上的接口编号（ifindex）。',
    ],
    tasks: {
      alpine1: {
        text: '在默认网桥上启动一个名为 `alpine1` 的 alpine 容器。',
        hints: ['`docker run -dit --name alpine1 alpine`'],
      },
      ifindex: {
        text: '运行 `docker exec alpine1 ip addr`。eth0 显示为 `eth0@ifN`。N 是多少？',
        hints: ['看以 `2: eth0@if` 开头的那一行。', '就是 `@if` 后面的数字。'],
      },
      peer: {
        text: '在宿主机上运行 `ip addr`，找到编号为 N 的接口。这对 veth 在主机一端的名字是什么？',
        hints: ['在宿主机上，每一段都以编号开头：`N: 名称@...`。', '名字以 `veth` 开头；`brctl show` 会把它列在 docker0 下面。'],
      },
      alpine2: {
        text: '在默认网桥上再启动一个容器 `alpine2`。',
        hints: ['`docker run -dit --name alpine2 alpine`'],
      },
      'brctl-count': {
        text: '运行 `brctl show`。现在 docker0 上接入了几个接口？',
        hints: ['数一数 docker0 那一行 interfaces 列中的 veth 名称。', '网桥上每个运行中的容器对应一个 veth。'],
      },
    },
    why: {
      'own-index': '这是 eth0 在容器内自己的编号。`@if` 后面的 N 是它在主机上的对端的编号。',
      'bridge-not-veth': 'docker0 是网桥（交换机）。veth pair 在主机一端的网卡接在它上面。',
      'container-side': 'eth0 是容器里的那一端。主机上哪个接口的编号是 N？',
    },
    done: '每个 bridge 模式的容器都通过一对 veth pair 接到 docker0：容器里是 eth0@ifN，主机上是编号为 N 的 vethXXX，brctl show 会列出它。',
  },
};
