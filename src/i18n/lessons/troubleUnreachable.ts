import type { LessonTexts } from './types';

export const troubleUnreachable: LessonTexts = {
  en: {
    intro: [
      'A colleague started a web service in a container named [api](container:api) and a container named [client](container:client) that must call it: `docker exec client wget -qO- api` should print the web page. It does not.',
      'Investigate with the commands you know (`docker ps`, `docker inspect`, `docker network ls`, `docker network inspect`, `ping`, `cat /etc/resolv.conf`…), then fix it without removing api.',
    ],
    tasks: {
      fix: {
        text: 'Make `docker exec client wget -qO- api` work.',
        hints: [
          'Which network is each container on? `docker inspect client`, `docker network inspect backend`.',
          'Names resolve only between containers on the same user-defined network. A running container can join another network with `docker network connect`.',
        ],
      },
      cause: {
        text: 'What was wrong?',
        hints: ['Think about what you changed to fix it.'],
        choices: {
          'different-networks': 'client and api were on different networks: client on the default bridge (no name resolution there), api on backend',
          'nginx-down': 'nginx in api was not running',
          'not-published': 'api did not publish port 80',
        },
      },
    },
    why: {
      'no-name': 'client still cannot resolve the name api. Where does each container live, and which networks resolve names?',
      'no-answer': 'client resolves api to {ip} but gets no answer: are they on the same network?',
    },
    done: 'Containers reach each other by name only on a shared user-defined network; `docker network connect` attaches a running container to one more network.',
  },
  'zh-CN': {
    intro: [
      '同事在名为 [api](container:api) 的容器中启动了一个 Web 服务，还有一个需要调用它的容器 [client](container:client)：`docker exec client wget -qO- api` 本应输出网页，但失败了。',
      '用你学过的命令（`docker ps`、`docker inspect`、`docker network ls`、`docker network inspect`、`ping`、`cat /etc/resolv.conf`……）排查，然后在不删除 api 的前提下修复它。',
    ],
    tasks: {
      fix: {
        text: '让 `docker exec client wget -qO- api` 能正常工作。',
        hints: [
          '每个容器分别在哪个网络上？`docker inspect client`、`docker network inspect backend`。',
          '只有同一个自定义网络上的容器之间才能解析名字。运行中的容器可以用 `docker network connect` 再加入一个网络。',
        ],
      },
      cause: {
        text: '问题出在哪里？',
        hints: ['想想你是怎么修好的。'],
        choices: {
          'different-networks': 'client 和 api 在不同的网络上：client 在默认网桥上（那里不能解析名字），api 在 backend 上',
          'nginx-down': 'api 里的 nginx 没有运行',
          'not-published': 'api 没有发布 80 端口',
        },
      },
    },
    why: {
      'no-name': 'client 仍然无法解析名字 api。每个容器在哪个网络上？哪些网络能解析名字？',
      'no-answer': 'client 把 api 解析为 {ip}，但没有收到回应：它们在同一个网络上吗？',
    },
    done: '容器只有在同一个自定义网络上才能通过名字互相访问；`docker network connect` 可以让运行中的容器再接入一个网络。',
  },
};
