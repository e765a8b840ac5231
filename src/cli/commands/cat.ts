import { readFile } from '../format/files';
import { isBusybox } from '../format/shellContext';
import type { CommandOutput, CommandSpec, OutChunk } from '../types';

/**
 * `cat FILE…` over the files the lab generates (format/files.ts). GNU coreutils words a failure
 * `cat: F: No such file or directory`; BusyBox `cat: can't open 'F': No such file or directory`.
 * Options are accepted and ignored (the files are short and plain); without a file cat would read
 * the terminal, which the console does not provide, so it prints nothing.
 */
export const cat: CommandSpec = {
  path: ['cat'],
  usage: 'cat [OPTION]... [FILE]...',
  short: 'concatenate files and print on the standard output',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container', 'laptop'],
  run(ctx, flags): CommandOutput {
    const bb = isBusybox(ctx.world, ctx.shell);
    const out: OutChunk[] = [];
    let exitCode = 0;
    let optionsDone = false;
    for (const a of flags.args) {
      if (!optionsDone && a === '--') {
        optionsDone = true;
        continue;
      }
      if (!optionsDone && a.startsWith('-') && a !== '-') continue;
      if (a === '-') continue;
      const r = readFile(ctx.world, ctx.shell, a);
      if (r.ok) {
        if (r.text) out.push({ stream: 'out', text: r.text });
        continue;
      }
      exitCode = 1;
      const why = r.error === 'ENOENT' ? 'No such file or directory' : 'Is a directory';
      out.push({ stream: 'err', text: bb ? (r.error === 'ENOENT' ? `cat: can't open '${a}': ${why}\n` : `cat: read error: ${why}\n`) : `cat: ${a}: ${why}\n` });
    }
    return { out, exitCode };
  },
};
