import { defaultBridge } from './defaultBridge';
import { portMapping } from './portMapping';
import { hostMode } from './hostMode';
import { containerMode } from './containerMode';
import { noneMode } from './noneMode';
import { bridgeVeth } from './bridgeVeth';
import { networksCommands } from './networksCommands';
import { links } from './links';
import { userNetworks } from './userNetworks';
import { troubleUnreachable } from './troubleUnreachable';
import { troublePort } from './troublePort';
import { dockerUser } from './dockerUser';
import type { LessonTexts } from './types';

/** Words of every lesson, by lesson id. */
export const LESSON_TEXTS: Readonly<Record<string, LessonTexts>> = {
  'default-bridge': defaultBridge,
  'port-mapping': portMapping,
  'host-mode': hostMode,
  'container-mode': containerMode,
  'none-mode': noneMode,
  'bridge-veth': bridgeVeth,
  'networks-commands': networksCommands,
  'links': links,
  'user-networks': userNetworks,
  'trouble-unreachable': troubleUnreachable,
  'trouble-port': troublePort,
  'docker-user': dockerUser,
};

export type * from './types';
