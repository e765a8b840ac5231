import type { LessonTexts } from './types';

export const networksCommands: LessonTexts = {
  en: {
    intro: [
      'When Docker is installed it creates three [networks](network) by itself: `bridge` (driver bridge), `host` (driver host) and `none` (driver null). `docker network ls` lists them.',
      'You pick one when you run a container: `--net=bridge` (the default), `--net=host`, `--net=none`, or `--net=container:NAME_or_ID` to share another container\'s namespace.',
      '`docker network inspect NAME` shows a network: its subnet, gateway and the containers on it. `docker inspect CONTAINER` shows a container, with its IP and MAC address under NetworkSettings.',
    ],
    tasks: {
      'driver-none': {
        text: 'Run `docker network ls`. What is the DRIVER of the network named `none`?',
        hints: ['The table has the columns NETWORK ID, NAME, DRIVER, SCOPE.', 'It is not called none.'],
      },
      subnet: {
        text: 'Run `docker network inspect bridge`. What is its Subnet?',
        hints: ['Look under IPAM → Config.', 'It is written as address/prefix.'],
      },
      web: {
        text: 'Start an nginx container named `web` on the default bridge.',
        hints: ['`docker run -d --name web nginx`'],
      },
      mac: {
        text: 'Run `docker inspect web`. What MacAddress did Docker give web\'s interface?',
        hints: ['Look under NetworkSettings → Networks → bridge.', 'Six pairs of hex digits separated by colons.'],
      },
      modes: {
        text: 'Which option starts a container inside another container\'s network namespace?',
        hints: ['Think of the four network modes.', 'It names the other container.'],
        choices: { container: '--net=container:NAME_or_ID', host: '--net=host', link: '--link NAME' },
      },
    },
    why: {
      'name-not-driver': 'none is its NAME. Read the DRIVER column on the same line.',
      'gateway-not-subnet': 'That is the Gateway. The Subnet is the line above it, with a /prefix.',
    },
    done: 'docker network ls lists bridge, host and none; docker network inspect shows a network\'s subnet, gateway and containers; docker inspect shows a container\'s IP and MAC.',
  },
  'zh-CN': {
    intro: [
      '安装 Docker 时，它会自动创建三个[网络](network)：`bridge`（驱动 bridge）、`host`（驱动 host）和 `none`（驱动 null）。可以用 `docker network ls` 命令列出这些网络。',
      '运行容器时选择其中一个：`--net=bridge`（默认设置）、`--net=host`、`--net=none`，或者用 `--net=container:NAME_or_ID` 共享另一个容器的命名空间。',
      '`docker network inspect 名称` 查看一个网络：子网、网关以及接入它的容器。`docker inspect 容器` 查看一个容器，NetworkSettings 中有它的 IP 和 MAC 地址。',
    ],
    tasks: {
      'driver-none': {
        text: '运行 `docker network ls`。名为 `none` 的网络，它的 DRIVER（驱动）是什么？',
        hints: ['表格的列是 NETWORK ID、NAME、DRIVER、SCOPE。', '它不叫 none。'],
      },
      subnet: {
        text: '运行 `docker network inspect bridge`。它的 Subnet（子网）是什么？',
        hints: ['看 IPAM → Config 下面。', '写成 地址/前缀长度 的形式。'],
      },
      web: {
        text: '在默认网桥上启动一个名为 `web` 的 nginx 容器。',
        hints: ['`docker run -d --name web nginx`'],
      },
      mac: {
        text: '运行 `docker inspect web`。Docker 给 web 的网卡分配的 MacAddress 是什么？',
        hints: ['看 NetworkSettings → Networks → bridge 下面。', '六组用冒号分隔的十六进制数。'],
      },
      modes: {
        text: '哪个参数让容器运行在另一个容器的网络命名空间里？',
        hints: ['想想四种网络模式。', '它要写出另一个容器的名字。'],
        choices: { container: '--net=container:NAME_or_ID', host: '--net=host', link: '--link NAME' },
      },
    },
    why: {
      'name-not-driver': 'none 是它的 NAME（名称）。请看同一行的 DRIVER 列。',
      'gateway-not-subnet': '这是 Gateway（网关）。Subnet 在它上面一行，带有 /前缀长度。',
    },
    done: 'docker network ls 列出 bridge、host 和 none；docker network inspect 显示网络的子网、网关和容器；docker inspect 显示容器的 IP 和 MAC。',
  },
};
