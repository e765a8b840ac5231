import type { Lang } from './index';
import { LESSON_CATALOG } from './lessons/catalog';
import type { LessonHeading } from './lessons/types';

/**
 * The lessons panel's own words, and the "why" texts every lesson shares (a container missing,
 * stopped, from the wrong image…). A lesson's own `why` texts win over these.
 */
const en = {
  'lessons.title': 'Lessons',
  'lessons.toggle.show': 'Lessons',
  'lessons.toggle.hide': 'Hide lessons',
  'lessons.progress': '{done} of {total} lessons completed',
  'lessons.start': 'Start',
  'lessons.continue': 'Continue',
  'lessons.again': 'Do again',
  'lessons.completed': 'Completed',
  'lessons.back': '← All lessons',
  'lessons.sandbox': 'Sandbox',
  'lessons.sandbox.title': 'Leave the lesson and experiment freely on a fresh host',
  'lessons.sandbox.note': 'Sandbox: a fresh host to experiment on. Type any command in the terminal; pick a lesson when you are ready.',
  'lessons.load-failed': 'This lesson could not be loaded. Check the connection and try again.',
  'lessons.restart': 'Restart lesson',
  'lessons.restart.confirm': 'Start this lesson again on a fresh host?',
  'lessons.setup.note': 'The lab has prepared the host for this lesson.',
  'lessons.tasks': 'Tasks',
  'lessons.task.count': 'Task {n} of {total}',
  'lessons.task.done': 'Done',
  'lessons.hint': 'Hint',
  'lessons.hint.more': 'Another hint',
  'lessons.solution.show': 'Show solution',
  'lessons.solution.hide': 'Hide solution',
  'lessons.solution.run': 'Run',
  'lessons.solution.answer': 'Answer: {answer}',
  'lessons.answer.label': 'Your answer',
  'lessons.answer.check': 'Check',
  'lessons.feedback.missing': 'Not yet:',
  'lessons.feedback.wrong': 'Not quite — try again, or ask for a hint.',
  'lessons.feedback.passed': 'Well done!',
  'lessons.done.title': 'Lesson complete!',
  'lessons.next': 'Next lesson →',
  'lessons.all.done': 'You have completed every lesson. The sandbox is yours.',
  'lessons.highlight': 'Show in the picture',
  'why.missing': 'There is no container named {name} yet.',
  'why.exited': '{name} exists but is not running. Start it (`docker start {name}`) or look at `docker logs {name}`.',
  'why.exited-shell': '{name} is not running: alpine runs a shell, which exits at once without a terminal. Remove it (`docker rm {name}`) and run it again with `-dit`.',
  'why.wrong-image': '{name} runs {actual}, not {image}. Remove it (`docker rm -f {name}`) and run it again from the {image} image.',
  'why.not-default-bridge': '{name} is not on the default bridge (its network mode is {mode}). Leave out `--network` to use docker0.',
  'why.host-mode': '{name} runs in host mode: it has no port mapping (Docker ignores -p there). Run it on the default bridge.',
  'why.swapped': 'The two ports are swapped: `-p 80:{port}` sends host port 80 to port {port} in the container. It is `-p HOST:CONTAINER`, so `-p {port}:80`.',
  'why.other-container': 'Port {port} on the host reaches {name}, not this container.',
  'why.loopback-only': 'Port {port} is published on 127.0.0.1 only, so just the host itself can use it. Publish it on all addresses.',
  'why.wrong-container-port': 'Host port {port} goes to port {inside} in the container, but nginx listens on 80. In -p HOST:CONTAINER the container port comes second.',
  'why.wrong-host-port': 'nginx is published on host port {ports}, not {port}. In -p HOST:CONTAINER the host port comes first.',
  'why.not-published': '{name} publishes no port, so the laptop\'s connection to {port} is refused. Ports are published when a container is created: remove it (`docker rm -f {name}`) and run it again with -p.',
  'why.not-reached': 'Port {port} on 192.168.1.10 does not reach nginx yet.',
  'why.cannot-ask': 'Do the earlier tasks first: this question is about what they build (is everything still running?).',
} as const;

export type LessonsUiKey = keyof typeof en;

const zhCN: Record<LessonsUiKey, string> = {
  'lessons.title': '课程',
  'lessons.toggle.show': '课程',
  'lessons.toggle.hide': '隐藏课程',
  'lessons.progress': '已完成 {done}/{total} 课',
  'lessons.start': '开始',
  'lessons.continue': '继续',
  'lessons.again': '再做一次',
  'lessons.completed': '已完成',
  'lessons.back': '← 全部课程',
  'lessons.sandbox': '沙盒',
  'lessons.sandbox.title': '离开课程，在一台全新的主机上自由练习',
  'lessons.sandbox.note': '沙盒：一台全新的主机，可以随意练习。在终端里输入任何命令；准备好了再选择一课。',
  'lessons.load-failed': '无法加载这节课。请检查网络连接后重试。',
  'lessons.restart': '重新开始本课',
  'lessons.restart.confirm': '要在一台全新的主机上重新开始本课吗？',
  'lessons.setup.note': '实验室已经为本课准备好了主机。',
  'lessons.tasks': '任务',
  'lessons.task.count': '任务 {n}/{total}',
  'lessons.task.done': '已完成',
  'lessons.hint': '提示',
  'lessons.hint.more': '更多提示',
  'lessons.solution.show': '显示答案',
  'lessons.solution.hide': '隐藏答案',
  'lessons.solution.run': '运行',
  'lessons.solution.answer': '答案：{answer}',
  'lessons.answer.label': '你的答案',
  'lessons.answer.check': '检查',
  'lessons.feedback.missing': '还差一点：',
  'lessons.feedback.wrong': '不太对——再试一次，或者看看提示。',
  'lessons.feedback.passed': '做得好！',
  'lessons.done.title': '本课完成！',
  'lessons.next': '下一课 →',
  'lessons.all.done': '你已经完成了全部课程。沙盒归你了。',
  'lessons.highlight': '在图中显示',
  'why.missing': '还没有名为 {name} 的容器。',
  'why.exited': '{name} 已存在但没有运行。启动它（`docker start {name}`），或者查看 `docker logs {name}`。',
  'why.exited-shell': '{name} 没有在运行：alpine 运行的是一个 shell，没有终端时会立即退出。删除它（`docker rm {name}`），再加上 `-dit` 重新运行。',
  'why.wrong-image': '{name} 运行的是 {actual}，而不是 {image}。删除它（`docker rm -f {name}`），再用 {image} 镜像重新运行。',
  'why.not-default-bridge': '{name} 没有接入默认网桥（它的网络模式是 {mode}）。去掉 `--network` 即可使用 docker0。',
  'why.host-mode': '{name} 使用的是 host 模式：没有端口映射（Docker 会忽略 -p）。请让它使用默认网桥。',
  'why.swapped': '两个端口写反了：`-p 80:{port}` 把宿主机的 80 端口转发到容器的 {port} 端口。格式是 `-p 宿主机端口:容器端口`，所以应该是 `-p {port}:80`。',
  'why.other-container': '宿主机的 {port} 端口访问到的是 {name}，而不是这个容器。',
  'why.loopback-only': '{port} 端口只发布在 127.0.0.1 上，只有宿主机自己能用。请发布到所有地址上。',
  'why.wrong-container-port': '宿主机的 {port} 端口被转发到容器的 {inside} 端口，但 nginx 监听的是 80。在 -p 宿主机端口:容器端口 中，容器端口在后面。',
  'why.wrong-host-port': 'nginx 发布在宿主机的 {ports} 端口上，而不是 {port}。在 -p 宿主机端口:容器端口 中，宿主机端口在前面。',
  'why.not-published': '{name} 没有发布任何端口，所以 laptop 连接 {port} 会被拒绝。端口在创建容器时发布：先删除它（`docker rm -f {name}`），再加上 -p 重新运行。',
  'why.not-reached': '192.168.1.10 的 {port} 端口还访问不到 nginx。',
  'why.cannot-ask': '请先完成前面的任务：这个问题问的是它们建好的东西（是不是都还在运行？）。',
};

export const LESSONS_UI: Readonly<Record<Lang, Readonly<Record<LessonsUiKey, string>>>> = { en, 'zh-CN': zhCN };

/** Fills `{name}` placeholders; unknown names stay as written. */
export const fill = (text: string, vars: Readonly<Record<string, string | number>>) => text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));

export function lt(lang: Lang, key: LessonsUiKey, vars: Readonly<Record<string, string | number>> = {}): string {
  return fill(LESSONS_UI[lang][key], vars);
}

/** A lesson's title and summary, for the list (the rest of its words load with the lesson: lessonTexts.ts). */
export function lessonHeading(lang: Lang, lessonId: string): LessonHeading | undefined {
  return LESSON_CATALOG.find((l) => l.id === lessonId)?.[lang];
}
