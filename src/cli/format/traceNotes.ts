import type { DropBy } from '../../engine/packet/types';

/**
 * What a dropping rule is for, in a student's words: the DROP rules Docker 28.5 programs
 * (engine/netfilter/docker.ts, after moby v28.5.2 iptabler) recognised by their `-S` text, and
 * the policies. Unknown rules get no note.
 */
export function dropNote(by: DropBy): string | null {
  if ('policy' in by) {
    return by.chain === 'FORWARD'
      ? 'no rule accepted this forwarded packet, so the FORWARD policy (DROP, set by dockerd when it switched ip_forward on) dropped it'
      : `no rule accepted the packet, so the ${by.chain} policy dropped it`;
  }
  const r = by.rule;
  let m: RegExpExecArray | null;
  if ((m = /^-A PREROUTING -d (127\.[0-9.]+)\/32 ! -i lo .*--dport ([0-9]+) -j DROP$/.exec(r))) {
    return `port ${m[2]} is published on ${m[1]} only: other hosts may not reach it`;
  }
  if ((m = /^-A PREROUTING -d ([0-9.]+)\/32 ! -i (\S+) -j DROP$/.exec(r))) {
    return `Docker lets only its bridge ${m[2]} reach the container address ${m[1]} directly; from elsewhere, use a published port`;
  }
  if ((m = /^-A DOCKER-ISOLATION-STAGE-2 -o (\S+) -j DROP$/.exec(r))) {
    return `network isolation: a packet from another Docker network may not enter ${m[1]}`;
  }
  if ((m = /^-A DOCKER ! -i (\S+) -o \1 -j DROP$/.exec(r))) {
    return `no published port matched: Docker drops what enters ${m[1]} from outside it`;
  }
  if ((m = /^-A DOCKER-FORWARD -i (\S+) -o \1 -j DROP$/.exec(r))) {
    return `inter-container communication is off on ${m[1]} (enable_icc=false)`;
  }
  if ((m = /^-A DOCKER-ISOLATION-STAGE-1 ! -s (\S+) -o (\S+) -j DROP$/.exec(r))) {
    return `${m[2]} is an --internal network: nothing from outside ${m[1]} gets in`;
  }
  if ((m = /^-A DOCKER-ISOLATION-STAGE-1 ! -d (\S+) -i (\S+) -j DROP$/.exec(r))) {
    return `${m[2]} is an --internal network: nothing leaves ${m[1]}`;
  }
  return null;
}
