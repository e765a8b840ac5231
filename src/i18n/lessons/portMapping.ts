import type { LessonTexts } from './types';

export const portMapping: LessonTexts = {
  en: {
    intro: [
      'The LAN cannot reach a Container-IP, but it can reach the host\'s own address, 192.168.1.10 on [eth0](interface:eth0@host). Port mapping connects the two: `docker run -p 8080:80` means "host port 8080 goes to port 80 in the container" (host first, container second).',
      'Behind the scenes Docker writes a DNAT rule into the nat table of iptables: packets for the host\'s port 8080 get their destination rewritten to the container\'s IP and port. You can read it with `iptables -t nat -vnL`. Published ports appear in the picture as [badges](port) on the host.',
      '`-P` (capital) publishes every port the image exposes on a host port Docker picks itself, from 32768 upwards.',
    ],
    tasks: {
      'publish-8080': {
        text: 'Run nginx in a container named `web` so that port 8080 on the host reaches it. Check from the laptop: `ssh laptop`, then `curl 192.168.1.10:8080`.',
        hints: ['Publishing is decided when the container is created, with `-p HOST:CONTAINER`. nginx listens on port 80.', '`docker run -d --name web -p 8080:80 nginx`'],
      },
      dnat: {
        text: 'On the host, run `iptables -t nat -vnL`. In the DOCKER chain, where does the DNAT rule for `dpt:8080` send the packets? Answer as IP:port.',
        hints: ['Look for `to:` at the end of the DNAT line.', 'It is web\'s Container-IP and nginx\'s port.'],
      },
      'publish-all': {
        text: 'Start a second nginx named `web2` and let Docker choose the host port for it: publish all its exposed ports.',
        hints: ['That is `-P` (capital P), with no port numbers.', '`docker run -d --name web2 -P nginx`'],
      },
      'random-port': {
        text: 'Which host port did Docker pick for web2? (`docker port web2` or `docker ps`). Try it from the laptop with curl.',
        hints: ['`docker port web2` prints `80/tcp -> 0.0.0.0:PORT`.', 'The host port is the number after the last colon.'],
      },
    },
    why: {
      'need-port': 'Almost: give the port too, as IP:port.',
      'host-ip': '192.168.1.10 is where the packet arrives; DNAT rewrites it to another destination. Look after `to:`.',
      'fixed-port': 'web2 is published on {port}, a port you chose. Let Docker pick: publish with -P.',
      'no-ports': 'web2 publishes nothing yet. Remove it and run it again with -P.',
      'container-side': '80 is nginx\'s port inside the container. Which port on the host leads to it?',
    },
    done: '-p HOST:CONTAINER and -P make Docker add a DNAT rule (iptables -t nat -vnL) that forwards the host\'s port to the Container-IP, so the LAN reaches the container through the host\'s address.',
  },
  'zh-CN': {
    intro: [
      '局域网访问不到 Container-IP，但可以访问宿主机自己的地址，即 [eth0](interface:eth0@host) 上的 192.168.1.10。端口映射把两者连接起来：`docker run -p 8080:80` 表示"宿主机的 8080 端口转发到容器的 80 端口"（宿主机端口在前，容器端口在后）。',
      'Docker 实际是在 iptables 的 nat 表里写了一条 DNAT 规则：发往宿主机 8080 端口的数据包，目的地址被改写为容器的 IP 和端口。可以用 `iptables -t nat -vnL` 查看。发布的端口在图中显示为宿主机上的[端口标记](port)。',
      '`-P`（大写）把镜像暴露的所有端口发布到由 Docker 自己挑选的宿主机端口上（从 32768 开始）。',
    ],
    tasks: {
      'publish-8080': {
        text: '在名为 `web` 的容器中运行 nginx，使宿主机的 8080 端口能访问到它。从 laptop 验证：`ssh laptop`，然后 `curl 192.168.1.10:8080`。',
        hints: ['端口映射在创建容器时用 `-p 宿主机端口:容器端口` 指定。nginx 监听 80 端口。', '`docker run -d --name web -p 8080:80 nginx`'],
      },
      dnat: {
        text: '在宿主机上运行 `iptables -t nat -vnL`。在 DOCKER 链中，`dpt:8080` 的 DNAT 规则把数据包发往哪里？请按 IP:端口 的格式回答。',
        hints: ['看 DNAT 那一行末尾的 `to:`。', '就是 web 的 Container-IP 加上 nginx 的端口。'],
      },
      'publish-all': {
        text: '再启动一个名为 `web2` 的 nginx，让 Docker 为它选择宿主机端口：发布它暴露的所有端口。',
        hints: ['用 `-P`（大写 P），不写端口号。', '`docker run -d --name web2 -P nginx`'],
      },
      'random-port': {
        text: 'Docker 为 web2 选了宿主机的哪个端口？（`docker port web2` 或 `docker ps`）。在 laptop 上用 curl 试试。',
        hints: ['`docker port web2` 会输出 `80/tcp -> 0.0.0.0:端口`。', '宿主机端口是最后一个冒号后面的数字。'],
      },
    },
    why: {
      'need-port': '差一点：请把端口也写上，格式为 IP:端口。',
      'host-ip': '192.168.1.10 是数据包到达的地址；DNAT 把它改写成了另一个目的地址。看 `to:` 后面。',
      'fixed-port': 'web2 发布在 {port} 上，这是你自己指定的端口。请用 -P 让 Docker 来选。',
      'no-ports': 'web2 还没有发布任何端口。删除它，再用 -P 重新运行。',
      'container-side': '80 是 nginx 在容器内的端口。宿主机上哪个端口通向它？',
    },
    done: '-p 宿主机端口:容器端口 和 -P 会让 Docker 添加一条 DNAT 规则（iptables -t nat -vnL），把宿主机端口转发到 Container-IP，于是局域网可以通过宿主机的地址访问容器。',
  },
};
