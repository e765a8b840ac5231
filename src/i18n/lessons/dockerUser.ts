import type { LessonTexts } from './types';

export const dockerUser: LessonTexts = {
  en: {
    intro: [
      'A firewall on a Linux host usually filters the INPUT chain: the packets addressed to the host itself. A colleague has closed port 8080 that way; this lesson started with `iptables -I INPUT -p tcp --dport 8080 -j DROP` (see it with `iptables -nvL INPUT`). Does that protect a port Docker publishes?',
      'Follow a packet from the [laptop](machine:laptop) arriving on the host\'s [eth0](interface:eth0@host). It first meets the PREROUTING hook, where Docker\'s DNAT rule rewrites 192.168.1.10:8080 into the container\'s address and port 80. Then comes the routing decision: the new destination is not the host but a container behind [docker0](bridge:docker0), so the packet is forwarded. It crosses the FORWARD chain, never INPUT.',
      'Docker\'s first rule in FORWARD jumps to `DOCKER-USER`, a chain Docker creates empty and leaves to you. It runs before Docker\'s own chains (DOCKER-FORWARD, DOCKER), and Docker never changes it, not even on `systemctl restart docker`. Docker\'s page "Packet filtering and firewalls" says to filter [published ports](port) there; for example `iptables -I DOCKER-USER -i eth0 ! -s 192.0.2.2 -j DROP` lets only 192.0.2.2 in.',
      'By the time a packet reaches DOCKER-USER it has already been DNATed, so `--dport 8080` no longer matches (its port is 80 now). To match the port the client asked for, use conntrack: `-m conntrack --ctorigdstport 8080` compares the connection\'s original destination port, from before the DNAT.',
    ],
    tasks: {
      publish: {
        text: 'Run nginx in a container named `web`, published on host port 8080. Then check from the laptop that it answers, despite the rule in INPUT: `ssh laptop`, then `curl 192.168.1.10:8080`.',
        hints: ['As in lesson 2: `-p HOST:CONTAINER`, and nginx listens on port 80.', '`docker run -d --name web -p 8080:80 nginx`'],
      },
      'why-input': {
        text: 'The rule in INPUT drops TCP port 8080, yet the laptop still gets nginx. Why?',
        hints: [
          'Look at the counters: `iptables -nvL INPUT`. Did the DROP rule see a single packet?',
          'From the laptop, `trace curl -s 192.168.1.10:8080` lists every chain the packet crosses. Where is the DNAT, and which filter chain comes after it?',
        ],
        choices: {
          'dnat-forward': 'Docker\'s DNAT in PREROUTING sends the packet to the container before the routing decision, so it is forwarded (FORWARD) and never passes INPUT',
          'proxy-first': 'docker-proxy accepts the connection before iptables sees the packet',
          'input-policy': 'The INPUT policy is ACCEPT, and a chain\'s policy wins over its DROP rules',
          'needs-reject': 'DROP does not work on published ports; only REJECT does',
        },
      },
      restrict: {
        text: 'Now filter in the right place: with a rule in DOCKER-USER, let only the router (192.168.1.1) reach port 8080. The laptop (192.168.1.20) must be kept out, the router must still get nginx, and web stays running and published.',
        hints: [
          'Docker\'s page inserts one negated rule at the top of DOCKER-USER: whatever comes in on the external interface and is not from the allowed address is dropped.',
          'The external interface is eth0, and "not from" is `! -s`. Add `-p tcp -m conntrack --ctorigdstport 8080` so that the rule only concerns the published port 8080.',
          '`iptables -I DOCKER-USER -i eth0 ! -s 192.168.1.1 -p tcp -m conntrack --ctorigdstport 8080 -j DROP`',
        ],
      },
      reject: {
        text: 'The laptop\'s curl now hangs until it gives up: DROP sends nothing back. Make the host refuse the laptop at once instead, with REJECT (the router must still get through).',
        hints: [
          'REJECT drops the packet and answers the sender: an ICMP "port unreachable" by default, or a TCP reset with `--reject-with tcp-reset`.',
          'Replace your rule in place with `iptables -R DOCKER-USER NUM …`, the same matches and `-j REJECT`. `iptables -L DOCKER-USER --line-numbers` shows the numbers.',
        ],
      },
    },
    why: {
      'web-gone': 'Removing or stopping web is not the point: then nobody reaches nginx, the router neither. Keep web running, published on 8080, and choose who may connect.',
      'web-unpublished': 'web no longer publishes port 8080 on the host\'s addresses. Unpublishing is not the point: publish it again (`-p 8080:80`) and filter who may connect in DOCKER-USER.',
      'input-rule': 'The laptop still reaches nginx: a rule in INPUT never sees this packet, because after the DNAT it is forwarded (task 2). Put the rule in DOCKER-USER.',
      'forward-after-docker': 'The laptop still reaches nginx: your rule was appended to FORWARD, after Docker\'s chains, which have already accepted the packet. DOCKER-USER is evaluated first: put the rule there.',
      'dport-after-dnat': 'The laptop still reaches nginx: in DOCKER-USER the packet has already been DNATed to port 80, so `--dport 8080` never matches. Match the original port with `-m conntrack --ctorigdstport 8080`.',
      'rule-misses': 'The laptop still reaches nginx: your rule in DOCKER-USER does not match its packet. From the laptop, `trace curl -s 192.168.1.10:8080` shows the packet as DOCKER-USER sees it: from 192.168.1.20, in on eth0, to 172.17.0.2:80.',
      'laptop-reaches': 'The laptop still reaches nginx on port 8080. Add a rule to DOCKER-USER that drops what does not come from 192.168.1.1.',
      'reply-only': 'The laptop\'s request still reaches nginx; only nginx\'s answer is dropped on its way back. Filter the incoming request instead: it comes from 192.168.1.20, in on eth0.',
      'blocked-elsewhere': 'The laptop is kept out, but by {where}, not by DOCKER-USER. Docker\'s page puts such rules in DOCKER-USER, which Docker evaluates before its own rules and never changes. Remove that rule and add yours to DOCKER-USER.',
      'laptop-cut-off': 'The laptop no longer reaches port 8080, but no iptables rule stops it: something else is broken (an interface down, a route?) and the packet is lost on its way. Undo that and filter in DOCKER-USER instead.',
      'router-blocked': 'The laptop is kept out, but so is the router (192.168.1.1). Let it through: `! -s 192.168.1.1` makes the rule apply to everyone except the router.',
      'reply-dropped': 'The router\'s request reaches nginx, but the answer is dropped on its way back: replies cross FORWARD and DOCKER-USER too, and your rule matches them. Limit it to packets coming in on eth0 (`-i eth0`) or to the original direction (`--ctdir ORIGINAL`).',
      'still-timeout': 'The laptop is kept out, but its connection still waits until it times out: DROP sends no answer. Use `-j REJECT` in that rule instead.',
    },
    done: 'A published port is reached through DNAT in PREROUTING and then the FORWARD chain, so rules in INPUT do not protect it. Filter it in DOCKER-USER, which Docker evaluates first and never touches: `-i eth0 ! -s …` for the source, `-m conntrack --ctorigdstport` for the published port (the port before DNAT), and REJECT when clients should be refused at once rather than left to time out.',
  },
  'zh-CN': {
    intro: [
      'Linux 宿主机上的防火墙通常过滤 INPUT 链，也就是发给宿主机本身的数据包。同事就是这样"关掉"了 8080 端口：本课一开始运行了 `iptables -I INPUT -p tcp --dport 8080 -j DROP`（可以用 `iptables -nvL INPUT` 查看）。这条规则能保护 Docker 发布的端口吗？',
      '跟着一个从 [laptop](machine:laptop) 发来、到达宿主机 [eth0](interface:eth0@host) 的数据包走一遍。它先经过 PREROUTING，Docker 的 DNAT 规则在这里把 192.168.1.10:8080 改写成容器的地址和 80 端口；然后才是路由判断。新的目的地址不是宿主机，而是 [docker0](bridge:docker0) 后面的容器，所以数据包被转发：它经过的是 FORWARD 链，而不是 INPUT 链。',
      'Docker 在 FORWARD 链中的第一条规则跳转到 `DOCKER-USER`：这是 Docker 创建的一条空链，专门留给用户。它在 Docker 自己的链（DOCKER-FORWARD、DOCKER）之前执行，而且 Docker 从不修改它，`systemctl restart docker` 之后也原样保留。Docker 文档《Packet filtering and firewalls》建议在这里过滤[发布的端口](port)，例如 `iptables -I DOCKER-USER -i eth0 ! -s 192.0.2.2 -j DROP` 只允许 192.0.2.2 访问。',
      '数据包到达 DOCKER-USER 时已经做过 DNAT，所以 `--dport 8080` 不会再匹配（此时端口已经是 80）。要匹配客户端最初访问的端口，请使用 conntrack：`-m conntrack --ctorigdstport 8080` 比较的是连接在 DNAT 之前的原始目的端口。',
    ],
    tasks: {
      publish: {
        text: '在名为 `web` 的容器中运行 nginx，并发布到宿主机的 8080 端口。然后在 laptop 上确认它能正常响应（尽管 INPUT 链里有那条规则）：`ssh laptop`，然后 `curl 192.168.1.10:8080`。',
        hints: ['和第 2 课一样：`-p 宿主机端口:容器端口`，nginx 监听 80 端口。', '`docker run -d --name web -p 8080:80 nginx`'],
      },
      'why-input': {
        text: 'INPUT 链的规则丢弃了发往 TCP 8080 端口的数据包，可 laptop 还是能访问 nginx。为什么？',
        hints: [
          '看看计数器：`iptables -nvL INPUT`。那条 DROP 规则匹配到过数据包吗？',
          '在 laptop 上运行 `trace curl -s 192.168.1.10:8080`，它会列出数据包经过的每一条链。DNAT 发生在哪里？之后经过的是哪条 filter 链？',
        ],
        choices: {
          'dnat-forward': 'Docker 在 PREROUTING 中的 DNAT 在路由判断之前就把数据包改发给容器，所以它被转发（FORWARD），根本不经过 INPUT',
          'proxy-first': 'docker-proxy 在 iptables 看到数据包之前就接受了连接',
          'input-policy': 'INPUT 链的默认策略是 ACCEPT，策略优先于链中的 DROP 规则',
          'needs-reject': 'DROP 对发布的端口不起作用，只有 REJECT 才行',
        },
      },
      restrict: {
        text: '现在在正确的位置过滤：在 DOCKER-USER 中添加规则，只允许路由器（192.168.1.1）访问 8080 端口。laptop（192.168.1.20）必须被挡在外面，路由器仍然能访问 nginx，web 也要保持运行并发布端口。',
        hints: [
          'Docker 文档的做法是在 DOCKER-USER 顶部插入一条取反的规则：从外部网卡进来、且不是来自允许地址的数据包，一律丢弃。',
          '外部网卡是 eth0，"不是来自"写作 `! -s`。再加上 `-p tcp -m conntrack --ctorigdstport 8080`，让规则只作用于发布的 8080 端口。',
          '`iptables -I DOCKER-USER -i eth0 ! -s 192.168.1.1 -p tcp -m conntrack --ctorigdstport 8080 -j DROP`',
        ],
      },
      reject: {
        text: '现在 laptop 上的 curl 会一直等到超时：DROP 不会回任何消息。改用 REJECT，让宿主机立即拒绝 laptop（路由器仍然要能访问）。',
        hints: [
          'REJECT 丢弃数据包并回复发送方：默认回复 ICMP "port unreachable"，用 `--reject-with tcp-reset` 则回复 TCP RST。',
          '用 `iptables -R DOCKER-USER 编号 …` 原地替换你的规则，匹配条件不变，改成 `-j REJECT`。`iptables -L DOCKER-USER --line-numbers` 会显示规则编号。',
        ],
      },
    },
    why: {
      'web-gone': '删除或停止 web 不是本题的目的：那样谁都访问不到 nginx，路由器也不行。让 web 保持运行并发布 8080 端口，再决定谁可以连接。',
      'web-unpublished': 'web 已经不再把 8080 端口发布到宿主机的地址上。取消发布不是本题的目的：重新发布它（`-p 8080:80`），再在 DOCKER-USER 中过滤谁可以连接。',
      'input-rule': 'laptop 仍然能访问 nginx：INPUT 链中的规则根本看不到这个数据包，因为经过 DNAT 之后它是被转发的（见任务 2）。请把规则放进 DOCKER-USER。',
      'forward-after-docker': 'laptop 仍然能访问 nginx：你的规则被追加在 FORWARD 链末尾，排在 Docker 的链之后，而数据包在那里已经被接受了。DOCKER-USER 最先执行：请把规则放在那里。',
      'dport-after-dnat': 'laptop 仍然能访问 nginx：在 DOCKER-USER 中，数据包已经被 DNAT 成 80 端口，所以 `--dport 8080` 永远匹配不上。请用 `-m conntrack --ctorigdstport 8080` 匹配原始端口。',
      'rule-misses': 'laptop 仍然能访问 nginx：你在 DOCKER-USER 中的规则没有匹配到它的数据包。在 laptop 上运行 `trace curl -s 192.168.1.10:8080`，可以看到 DOCKER-USER 看到的数据包：来自 192.168.1.20，从 eth0 进入，发往 172.17.0.2:80。',
      'laptop-reaches': 'laptop 仍然能访问 8080 端口上的 nginx。请在 DOCKER-USER 中添加一条规则，丢弃不是来自 192.168.1.1 的数据包。',
      'reply-only': 'laptop 的请求仍然能到达 nginx，只是 nginx 的回复在返回途中被丢弃了。请改为过滤进来的请求：它来自 192.168.1.20，从 eth0 进入。',
      'blocked-elsewhere': 'laptop 被挡住了，但挡住它的是 {where}，而不是 DOCKER-USER。Docker 文档要求把这类规则放进 DOCKER-USER：Docker 在自己的规则之前执行它，也从不修改它。删掉那条规则，把你的规则加到 DOCKER-USER 中。',
      'laptop-cut-off': 'laptop 已经访问不到 8080 端口了，但并不是 iptables 规则挡住的：是别的地方出了问题（网卡被关闭了？路由没了？），数据包在途中丢失了。先撤销那个改动，再在 DOCKER-USER 中过滤。',
      'router-blocked': 'laptop 被挡住了，可路由器（192.168.1.1）也被挡住了。要放行它：`! -s 192.168.1.1` 让规则作用于除路由器以外的所有来源。',
      'reply-dropped': '路由器的请求到达了 nginx，但回复在返回途中被丢弃了：回复同样经过 FORWARD 和 DOCKER-USER，而你的规则也匹配到了它们。请把规则限制在从 eth0 进来的数据包（`-i eth0`），或者限制为原始方向（`--ctdir ORIGINAL`）。',
      'still-timeout': 'laptop 已经被挡住了，但它的连接仍要等到超时：DROP 不会回任何消息。请把那条规则的目标改为 `-j REJECT`。',
    },
    done: '访问发布的端口要先经过 PREROUTING 中的 DNAT，再经过 FORWARD 链，所以 INPUT 链中的规则保护不了它。请在 DOCKER-USER 中过滤：Docker 最先执行这条链，而且从不改动它。用 `-i eth0 ! -s …` 限制来源，用 `-m conntrack --ctorigdstport` 匹配发布的端口（DNAT 之前的端口）；希望客户端立即被拒绝、而不是等到超时，就用 REJECT。',
  },
};
