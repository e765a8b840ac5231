import { defaultBridge } from './lessons/defaultBridge';
import { portMapping } from './lessons/portMapping';
import { hostMode } from './lessons/hostMode';
import { containerMode } from './lessons/containerMode';
import { noneMode } from './lessons/noneMode';
import { bridgeVeth } from './lessons/bridgeVeth';
import { networksCommands } from './lessons/networksCommands';
import { links } from './lessons/links';
import { userNetworks } from './lessons/userNetworks';
import { troubleUnreachable } from './lessons/troubleUnreachable';
import { troublePort } from './lessons/troublePort';
import { dockerUser } from './lessons/dockerUser';
import type { Lesson } from './types';

/** The lessons in the seed's order, then user-defined networks, troubleshooting and DOCKER-USER. */
export const LESSONS: readonly Lesson[] = [
  defaultBridge,
  portMapping,
  hostMode,
  containerMode,
  noneMode,
  bridgeVeth,
  networksCommands,
  links,
  userNetworks,
  troubleUnreachable,
  troublePort,
  dockerUser,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

export type * from './types';
