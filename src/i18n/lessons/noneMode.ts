import type { LessonTexts } from './types';

export const noneMode: LessonTexts = {
  en: {
    intro: [
      'With `--network none` (or `--net=none`) a container gets its own [network namespace](netns), but Docker configures nothing in it: no network card, no IP, no routes. Only the loopback device [lo](interface:lo) is there.',
      'Such a container cannot reach any network — a closed box, which is good for security. (You could add cards and addresses yourself.)',
    ],
    tasks: {
      isolated: {
        text: 'Start an alpine container named `isolated` with no network.',
        hints: ['The option is `--network none`.', '`docker run -dit --name isolated --network none alpine`'],
      },
      interfaces: {
        text: 'Which network interfaces does isolated have? (`docker exec isolated ip addr`)',
        hints: ['Count the numbered lines: `1: ...`, `2: ...`.', 'There is only one, the loopback.'],
      },
      'ping-out': {
        text: 'Try `docker exec isolated ping -c 1 8.8.8.8`. Why does it fail at once?',
        hints: ['Read the error message: it is not a timeout.', 'Look at `docker exec isolated ip route`.'],
        choices: {
          'no-route': 'There is no interface and no route out: only lo',
          dns: 'DNS is not configured in the container',
          firewall: 'Docker\'s iptables rules drop its packets',
        },
      },
    },
    why: {
      'not-none': 'isolated is connected (network mode {mode}). Remove it and start it again with `--network none`.',
      'has-network': 'isolated still has more than lo ({ifaces}).',
      'no-eth0': 'There is no eth0 in none mode. Look again at the output of `ip addr`.',
    },
    done: 'A none-mode container has its own namespace with only lo: no card, no IP, no route — it cannot talk to any network.',
  },
  'zh-CN': {
    intro: [
      '使用 `--network none`（或 `--net=none`）时，容器拥有自己的[网络命名空间](netns)，但 Docker 不为它进行任何网络配置：没有网卡、没有 IP、没有路由，只有回环设备 [lo](interface:lo)。',
      '这样的容器没有办法联网——封闭的网络能很好地保证容器的安全性。（需要的话可以自己为容器添加网卡、配置 IP。）',
    ],
    tasks: {
      isolated: {
        text: '启动一个名为 `isolated` 的 alpine 容器，不接入任何网络。',
        hints: ['参数是 `--network none`。', '`docker run -dit --name isolated --network none alpine`'],
      },
      interfaces: {
        text: 'isolated 有哪些网络接口？（`docker exec isolated ip addr`）',
        hints: ['数一数带编号的行：`1: ...`、`2: ...`。', '只有一个，就是回环设备。'],
      },
      'ping-out': {
        text: '试一试 `docker exec isolated ping -c 1 8.8.8.8`。为什么它立刻就失败了？',
        hints: ['读一读错误信息：它不是超时。', '看看 `docker exec isolated ip route`。'],
        choices: {
          'no-route': '没有网卡，也没有出去的路由：只有 lo',
          dns: '容器里没有配置 DNS',
          firewall: 'Docker 的 iptables 规则丢弃了它的数据包',
        },
      },
    },
    why: {
      'not-none': 'isolated 接入了网络（网络模式 {mode}）。删除它，再用 `--network none` 重新启动。',
      'has-network': 'isolated 除了 lo 还有别的接口（{ifaces}）。',
      'no-eth0': 'none 模式下没有 eth0。再看看 `ip addr` 的输出。',
    },
    done: 'none 模式的容器有自己的命名空间，但里面只有 lo：没有网卡、没有 IP、没有路由——无法与任何网络通信。',
  },
};
