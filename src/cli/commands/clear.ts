import type { CommandSpec } from '../types';

/** `clear` (ncurses / BusyBox): the console wipes its screen when a result says so. */
export const clear: CommandSpec = {
  path: ['clear'],
  usage: 'clear [-Ttermtype] [-V] [-x]',
  short: 'clear the terminal screen',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container', 'laptop'],
  run() {
    return { out: [], exitCode: 0, clear: true };
  },
};
