import type { LessonTexts } from './types';

export const troublePort: LessonTexts = {
  en: {
    intro: [
      'The web shop runs nginx in a container named [shop](container:shop), published with `-p 8080:80`. But from the laptop, `curl 192.168.1.10:8080` does not show the shop.',
      'Investigate (`docker ps -a`, `docker start`, `docker port`, `iptables -t nat -vnL`…) and fix it. The old site is not needed any more.',
    ],
    tasks: {
      fix: {
        text: 'Make port 8080 on the host reach nginx in shop (check from the laptop with curl).',
        hints: ['Is shop running? `docker ps -a` shows every container, stopped ones too.', 'Try `docker start shop` and read the error: who holds port 8080?'],
      },
      cause: {
        text: 'Why could shop not start?',
        hints: ['Read the error of `docker start shop` again.'],
        choices: {
          'port-taken': 'Host port 8080 was already allocated to old-site',
          'nginx-broken': 'nginx\'s configuration in shop was broken',
          firewall: 'A firewall rule blocked port 8080',
        },
      },
    },
    why: {
      'shop-stopped': 'shop is not running. Look at `docker ps -a`, then try `docker start shop` and read the error.',
    },
    done: 'A host port can be published by one container only; "port is already allocated" means another container holds it. Free it, then start the container again.',
  },
  'zh-CN': {
    intro: [
      '网店在名为 [shop](container:shop) 的容器中运行 nginx，用 `-p 8080:80` 发布端口。但在 laptop 上，`curl 192.168.1.10:8080` 看不到网店。',
      '排查（`docker ps -a`、`docker start`、`docker port`、`iptables -t nat -vnL`……）并修复它。旧网站（old-site）已经不需要了。',
    ],
    tasks: {
      fix: {
        text: '让宿主机的 8080 端口访问到 shop 里的 nginx（在 laptop 上用 curl 验证）。',
        hints: ['shop 在运行吗？`docker ps -a` 会列出所有容器，包括已停止的。', '试试 `docker start shop` 并读一读错误：是谁占用了 8080 端口？'],
      },
      cause: {
        text: 'shop 为什么无法启动？',
        hints: ['再读一遍 `docker start shop` 的错误信息。'],
        choices: {
          'port-taken': '宿主机的 8080 端口已经分配给了 old-site',
          'nginx-broken': 'shop 里 nginx 的配置坏了',
          firewall: '一条防火墙规则挡住了 8080 端口',
        },
      },
    },
    why: {
      'shop-stopped': 'shop 没有在运行。看看 `docker ps -a`，再试试 `docker start shop` 并读一读错误。',
    },
    done: '一个宿主机端口只能由一个容器发布；"port is already allocated" 表示已有别的容器占用了它。先释放端口，再重新启动容器。',
  },
};
