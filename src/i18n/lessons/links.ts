import type { LessonTexts } from './types';

export const links: LessonTexts = {
  en: {
    intro: [
      'On the default bridge containers do not know each other\'s names. The old way to fix that is `--link NAME[:ALIAS]`: the container being started (the recipient) gets a line for the linked container in its /etc/hosts and environment variables describing it (NAME_PORT, …). A link is one way only: the linked container learns nothing.',
      '`-e KEY=VALUE` sets an environment variable in the container, as programs expect their settings, for example `-e REDIS_HOST=db`.',
      'The lab has started redis in a container named [db](container:db).',
    ],
    tasks: {
      link: {
        text: 'Start an alpine container named `app` that is linked to db and has the environment variable `REDIS_HOST=db`.',
        hints: ['The link goes on the container that wants to reach the other one: app.', '`docker run -dit --name app --link db -e REDIS_HOST=db alpine`'],
      },
      'port-env': {
        text: 'Run `docker exec app env`. What is the value of the variable the link made for db\'s port (DB_PORT)?',
        hints: ['Look for the line starting with `DB_PORT=`.', 'Everything after the `=`, protocol included.'],
      },
      'one-way': {
        text: 'Does db know app by name? Compare `docker exec db cat /etc/hosts` with app\'s.',
        hints: ['Look for a line naming app in db\'s hosts file.', 'Which container was started with --link?'],
        choices: {
          'one-way': 'No: only the container started with --link (app) gets the hosts entry and the variables',
          'both-ways': 'Yes: a link works in both directions',
          dns: 'Yes: Docker\'s DNS resolves every name on docker0',
        },
      },
    },
    why: {
      reversed: 'The link goes the wrong way: db was started with a link to app, so db knows app, but app does not know db. Put --link db on app.',
      'no-link': 'app cannot find db by name: on the default bridge a name only resolves through --link. Remove app and start it again with `--link db`.',
      'no-env': 'app reaches db, but has no REDIS_HOST=db. Environment variables are set at creation: remove app and add `-e REDIS_HOST=db`.',
      'whole-value': 'That is only the port. Give the whole value after `=`.',
    },
    done: '--link db gives the recipient a hosts entry for db and DB_* variables; -e sets variables; the link is one way.',
  },
  'zh-CN': {
    intro: [
      '在默认网桥上，容器之间不知道彼此的名字。老的解决办法是 `--link 名称[:别名]`：正在启动的容器（接收容器）会在自己的 /etc/hosts 里得到被链接容器（源容器）的一行，以及描述它的环境变量（NAME_PORT 等）。链接只能单向连接：源容器什么也得不到。',
      '`-e KEY=VALUE` 给容器设置环境变量，程序通常从环境变量读取配置，例如 `-e REDIS_HOST=db`。',
      '实验室已经在名为 [db](container:db) 的容器中启动了 redis。',
    ],
    tasks: {
      link: {
        text: '启动一个名为 `app` 的 alpine 容器，链接到 db，并带有环境变量 `REDIS_HOST=db`。',
        hints: ['--link 写在要去访问别人的那个容器上：app。', '`docker run -dit --name app --link db -e REDIS_HOST=db alpine`'],
      },
      'port-env': {
        text: '运行 `docker exec app env`。链接为 db 的端口生成的变量（DB_PORT）的值是什么？',
        hints: ['找以 `DB_PORT=` 开头的那一行。', '`=` 后面的全部内容，包括协议。'],
      },
      'one-way': {
        text: 'db 知道 app 的名字吗？比较 `docker exec db cat /etc/hosts` 和 app 的 hosts 文件。',
        hints: ['在 db 的 hosts 文件里找找有没有 app 的那一行。', '是哪个容器在启动时用了 --link？'],
        choices: {
          'one-way': '不知道：只有用 --link 启动的容器（app）才会得到 hosts 条目和环境变量',
          'both-ways': '知道：链接是双向的',
          dns: '知道：Docker 的 DNS 会解析 docker0 上的所有名字',
        },
      },
    },
    why: {
      reversed: '链接方向反了：db 启动时链接到了 app，所以 db 知道 app，而 app 不知道 db。请在 app 上写 --link db。',
      'no-link': 'app 无法通过名字找到 db：在默认网桥上，名字只能通过 --link 解析。删除 app，再加上 `--link db` 重新启动。',
      'no-env': 'app 能访问 db，但没有 REDIS_HOST=db。环境变量在创建时设置：删除 app，再加上 `-e REDIS_HOST=db`。',
      'whole-value': '这只是端口。请给出 `=` 后面的完整值。',
    },
    done: '--link db 让接收容器得到 db 的 hosts 条目和 DB_* 环境变量；-e 设置环境变量；链接是单向的。',
  },
};
