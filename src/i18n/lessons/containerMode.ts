import type { LessonTexts } from './types';

export const containerMode: LessonTexts = {
  en: {
    intro: [
      'With `--network container:NAME` a new container shares the network namespace of an existing container instead of getting its own. It creates no network card and no IP: it shares the other container\'s IP, ports and [lo](interface:lo). Everything else (files, processes) stays separate.',
      'The lab has started nginx in a container named `web`. In the picture, a [network namespace](netns) is a frame: a container in container mode is drawn inside the frame of the container it joined.',
    ],
    tasks: {
      share: {
        text: 'Start an alpine container named `sidecar` that shares web\'s network namespace.',
        hints: ['The network mode is `container:` followed by the other container\'s name.', '`docker run -dit --name sidecar --network container:web alpine`'],
      },
      localhost: {
        text: 'From sidecar, fetch the page on localhost: `docker exec sidecar wget -qO- localhost`. What is the page\'s title (between <title> and </title>)?',
        hints: ['nginx runs in web, but localhost in sidecar is the same lo device.', 'It is nginx\'s welcome page.'],
      },
      'same-ip': {
        text: 'What IP address does sidecar have on eth0? (`docker exec sidecar ip addr`)',
        hints: ['Compare with web\'s address: `docker inspect web`.', 'There is only one eth0 in the shared namespace.'],
      },
    },
    why: {
      'host-namespace': 'sidecar shares the host\'s namespace (host mode), not web\'s. Use `--network container:web`.',
      'own-namespace': 'sidecar has a namespace of its own (its IP is {ip}). Remove it and start it again with `--network container:web`.',
      loopback: '127.0.0.1 is lo. Which address is on eth0?',
    },
    done: 'Containers in container mode share one network namespace: one IP, one set of ports, and they reach each other over lo at localhost.',
  },
  'zh-CN': {
    intro: [
      '使用 `--network container:名称` 时，新创建的容器和一个已经存在的容器共享网络命名空间，而不是创建自己的。新容器不会创建自己的网卡、配置自己的 IP，而是和指定的容器共享 IP、端口范围和 [lo](interface:lo)。文件系统、进程列表等仍然是隔离的。',
      '实验室已经在名为 `web` 的容器中启动了 nginx。在图中，[网络命名空间](netns)是一个框：container 模式的容器画在它所加入的那个容器的框里。',
    ],
    tasks: {
      share: {
        text: '启动一个名为 `sidecar` 的 alpine 容器，与 web 共享网络命名空间。',
        hints: ['网络模式写成 `container:` 加上另一个容器的名字。', '`docker run -dit --name sidecar --network container:web alpine`'],
      },
      localhost: {
        text: '在 sidecar 里访问 localhost 上的网页：`docker exec sidecar wget -qO- localhost`。网页的标题（<title> 与 </title> 之间）是什么？',
        hints: ['nginx 运行在 web 里，但 sidecar 的 localhost 就是同一个 lo 设备。', '这是 nginx 的欢迎页面。'],
      },
      'same-ip': {
        text: 'sidecar 的 eth0 上是什么 IP 地址？（`docker exec sidecar ip addr`）',
        hints: ['和 web 的地址比较一下：`docker inspect web`。', '共享的命名空间里只有一个 eth0。'],
      },
    },
    why: {
      'host-namespace': 'sidecar 共享的是宿主机的命名空间（host 模式），而不是 web 的。请使用 `--network container:web`。',
      'own-namespace': 'sidecar 有自己的命名空间（它的 IP 是 {ip}）。删除它，再用 `--network container:web` 重新启动。',
      loopback: '127.0.0.1 是 lo。eth0 上是哪个地址？',
    },
    done: 'container 模式的容器共享一个网络命名空间：一个 IP、一套端口，彼此通过 lo 以 localhost 互相访问。',
  },
};
