import type { LessonHeading } from './types';

/**
 * The lessons in order, with the words the list shows. They load with the page; the rest of
 * each lesson's words (./index.ts) arrive with the lesson itself.
 */
export const LESSON_CATALOG: readonly { readonly id: string; readonly en: LessonHeading; readonly 'zh-CN': LessonHeading }[] = [
  {
    id: 'default-bridge',
    en: { title: 'How the default bridge works', summary: 'docker0, container IPs from its subnet, the bridge as gateway' },
    'zh-CN': { title: '默认网桥是如何工作的', summary: 'docker0、从网桥子网分配的容器 IP、网桥作为网关' },
  },
  {
    id: 'port-mapping',
    en: { title: 'Publishing ports: -p and -P', summary: 'port mapping, the DNAT rule, reaching a container from the LAN' },
    'zh-CN': { title: '端口映射：-p 与 -P', summary: '端口映射、DNAT 规则、从局域网访问容器' },
  },
  {
    id: 'host-mode',
    en: { title: 'Host mode', summary: 'no network namespace of its own: the host\'s IP and ports' },
    'zh-CN': { title: 'host 模式', summary: '没有独立的网络命名空间：使用宿主机的 IP 和端口' },
  },
  {
    id: 'container-mode',
    en: { title: 'Container mode', summary: 'two containers, one network namespace, talking over lo' },
    'zh-CN': { title: 'container 模式', summary: '两个容器、一个网络命名空间，通过 lo 通信' },
  },
  {
    id: 'none-mode',
    en: { title: 'None mode', summary: 'a network namespace with only lo' },
    'zh-CN': { title: 'none 模式', summary: '只有 lo 的网络命名空间' },
  },
  {
    id: 'bridge-veth',
    en: { title: 'Bridge mode in depth: veth pairs', summary: 'eth0@ifN, its peer vethXXX on docker0, brctl show' },
    'zh-CN': { title: '深入 bridge 模式：veth pair', summary: 'eth0@ifN、它在 docker0 上的对端 vethXXX、brctl show' },
  },
  {
    id: 'networks-commands',
    en: { title: 'The default networks and the commands', summary: 'docker network ls, docker network inspect, docker inspect' },
    'zh-CN': { title: '默认网络与网络命令', summary: 'docker network ls、docker network inspect、docker inspect' },
  },
  {
    id: 'links',
    en: { title: '--link and -e', summary: 'a hosts entry and variables, in one direction' },
    'zh-CN': { title: '--link 与 -e', summary: 'hosts 条目和环境变量，只能单向' },
  },
  {
    id: 'user-networks',
    en: { title: 'User-defined networks and names', summary: 'docker network create, name resolution by Docker\'s DNS, isolation' },
    'zh-CN': { title: '自定义网络与名称解析', summary: 'docker network create、Docker 内置 DNS 的名称解析、网络隔离' },
  },
  {
    id: 'trouble-unreachable',
    en: { title: 'Troubleshooting: a container that cannot be reached', summary: 'client cannot reach api by name — find out why and fix it' },
    'zh-CN': { title: '排错：无法访问的容器', summary: 'client 无法通过名字访问 api——找出原因并修复' },
  },
  {
    id: 'trouble-port',
    en: { title: 'Troubleshooting: a port that will not publish', summary: 'shop should answer on port 8080 — it does not' },
    'zh-CN': { title: '排错：端口发布不了', summary: 'shop 应该在 8080 端口响应——但它没有' },
  },
  {
    id: 'docker-user',
    en: { title: 'Filtering published ports with DOCKER-USER', summary: 'why INPUT rules miss a published port, DOCKER-USER, --ctorigdstport, REJECT' },
    'zh-CN': { title: '用 DOCKER-USER 过滤发布的端口', summary: '为什么 INPUT 链的规则拦不住发布的端口、DOCKER-USER、--ctorigdstport、REJECT' },
  },
];
