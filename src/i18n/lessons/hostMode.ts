import type { LessonTexts } from './types';

export const hostMode: LessonTexts = {
  en: {
    intro: [
      'A container started with `--network host` (or `--net=host`) gets no network namespace of its own: it shares the [host\'s](host) namespace. It creates no network card and no IP; its programs use the host\'s addresses and ports directly. Its filesystem and processes are still isolated.',
      'No NAT is needed, so performance is good, but isolation is weak: a port already used on the Docker host cannot be used again, and `-p` is ignored.',
    ],
    tasks: {
      'host-nginx': {
        text: 'Run nginx in host mode in a container named `hostweb`.',
        hints: ['The option is `--network host` (or `--net=host`).', '`docker run -d --name hostweb --network host nginx`'],
      },
      address: {
        text: 'hostweb has no IP of its own. From the laptop (`ssh laptop`), which address and port reach its nginx? Check with curl.',
        hints: ['nginx listens on port 80 — in the host\'s namespace.', 'Use the host\'s LAN address, the one on its eth0.'],
      },
      conflict: {
        text: 'Start a second host-mode nginx named `hostweb2`, then look at `docker ps -a`.',
        hints: ['Same command as for hostweb, with another name.', 'Read what it printed with `docker logs hostweb2`.'],
      },
      'why-exited': {
        text: 'hostweb2 exited straight away. Why?',
        hints: ['`docker logs hostweb2` ends with an error from nginx.', '`ss -ltnp` on the host shows who listens on port 80.'],
        choices: {
          'port-in-use': 'Port 80 of the shared host namespace was already taken by hostweb\'s nginx',
          'one-host-container': 'Docker allows only one container in host mode',
          'needs-publish': 'Host mode needs -p 80:80 to work',
        },
      },
    },
    why: {
      'not-host-mode': '{name} has its own network namespace (network mode {mode}). Use `--network host`.',
      'port-taken': 'hostweb runs, but port 80 on the host does not reach its nginx. Is something else using port 80?',
      'no-container-ip': 'hostweb has no 172.17 address: it uses the host\'s addresses.',
      'no-conflict': 'hostweb2 is running, so port 80 was free. Start it while hostweb is running.',
      'not-started': 'hostweb2 was created but never started. Use `docker run` (or `docker start hostweb2`).',
    },
    done: 'A host-mode container shares the host\'s network namespace: same IP, same ports, no NAT — and two programs cannot listen on the same port.',
  },
  'zh-CN': {
    intro: [
      '使用 `--network host`（或 `--net=host`）启动的容器不会获得独立的网络命名空间，而是和[宿主机](host)共用一个网络命名空间。容器不会虚拟出自己的网卡、配置自己的 IP，而是直接使用宿主机的 IP 和端口。容器的文件系统、进程列表等仍然和宿主机隔离。',
      '不需要进行 NAT，所以网络性能比较好，但隔离性不好：Docker 宿主机上已经使用的端口就不能再用了，`-p` 参数也会被忽略。',
    ],
    tasks: {
      'host-nginx': {
        text: '用 host 模式在名为 `hostweb` 的容器中运行 nginx。',
        hints: ['参数是 `--network host`（或 `--net=host`）。', '`docker run -d --name hostweb --network host nginx`'],
      },
      address: {
        text: 'hostweb 没有自己的 IP。在 laptop 上（`ssh laptop`），用哪个地址和端口可以访问它的 nginx？用 curl 验证。',
        hints: ['nginx 监听 80 端口——在宿主机的命名空间里。', '使用宿主机在局域网上的地址，即它 eth0 上的地址。'],
      },
      conflict: {
        text: '再用 host 模式启动一个名为 `hostweb2` 的 nginx，然后查看 `docker ps -a`。',
        hints: ['和 hostweb 的命令一样，只是换个名字。', '用 `docker logs hostweb2` 查看它输出了什么。'],
      },
      'why-exited': {
        text: 'hostweb2 马上就退出了。为什么？',
        hints: ['`docker logs hostweb2` 最后是一条 nginx 的错误。', '在宿主机上用 `ss -ltnp` 查看谁在监听 80 端口。'],
        choices: {
          'port-in-use': '共用的宿主机网络命名空间里，80 端口已经被 hostweb 的 nginx 占用了',
          'one-host-container': 'Docker 只允许一个容器使用 host 模式',
          'needs-publish': 'host 模式需要加 -p 80:80 才能工作',
        },
      },
    },
    why: {
      'not-host-mode': '{name} 有自己的网络命名空间（网络模式 {mode}）。请使用 `--network host`。',
      'port-taken': 'hostweb 在运行，但宿主机的 80 端口访问不到它的 nginx。是不是有别的程序占用了 80 端口？',
      'no-container-ip': 'hostweb 没有 172.17 的地址：它使用的是宿主机的地址。',
      'no-conflict': 'hostweb2 正在运行，说明 80 端口是空闲的。请在 hostweb 运行时启动它。',
      'not-started': 'hostweb2 已创建但从未启动。请用 `docker run`（或 `docker start hostweb2`）。',
    },
    done: 'host 模式的容器与宿主机共用网络命名空间：同样的 IP、同样的端口、不需要 NAT——两个程序不能监听同一个端口。',
  },
};
