import { stopContainer } from '../engine/docker/lifecycle';
import type { EngineEvent } from '../engine/events';
import type { ContainerId } from '../engine/ids';
import type { World } from '../engine/world';
import { CTRL_C, CTRL_P_Q } from './control';
import { dispatch } from './dispatch';
import { envOf } from './env';
import { FILTERS } from './filters';
import { formatTrace } from './format/trace';
import { writeFile } from './files';
import { ashMessage, shouldRun, tokenize, type Pipeline } from './tokenize';
import type { LineResult, OutChunk, Shell } from './types';

export { CTRL_C, CTRL_P_Q };

/** Seconds of simulated time each command line takes, so `Up 3 seconds` reads like a real session. */
const SECONDS_PER_LINE = 3;

/**
 * One console line in, its output out: the single entry point of the browser console, the
 * headless `npm run sim` and the tests. Parses the shell syntax (quotes, `;`, `&&`, `||`, pipes,
 * redirections, `$VAR`, `$(…)`), runs each command where the shell is, and applies pipe filters.
 */
export function runLine(world: World, shell: Shell, line: string): LineResult {
  const control = line === '^C' ? CTRL_C : line === '^P^Q' ? CTRL_P_Q : line;
  if (control === CTRL_C || control === CTRL_P_Q) return controlKey(world, shell.at === 'host' ? { at: 'host' } : shell, control);
  if (line.trim() === '') return { world, shell, out: [], exitCode: 0, events: [] };
  // Attached to a process that is not a shell (foreground nginx): typed lines go nowhere.
  if (shell.at === 'container' && shell.shell === 'none') return { world, shell, out: [], exitCode: 0, events: [] };

  if (shell.at === 'host' && shell.confirm) return answer(world, shell.confirm, line);

  let w: World = { ...world, clock: world.clock + SECONDS_PER_LINE * 1000 };
  let sh = shell;
  let last = 0;
  const tok = tokenize(line, {
    env: (name) => (name === '?' ? String(last) : envOf(w, sh, name)),
    substitute: (cmd) => stdoutOf(runLine(w, sh, cmd).out),
  });
  if (!tok.ok) {
    const text = shell.at === 'container' && shell.shell === 'sh' ? ashMessage(tok.error) : tok.error.message;
    return { world, shell, out: [{ stream: 'err', text: `${text}\n` }], exitCode: tok.error.exitCode, events: [] };
  }
  const out: OutChunk[] = [];
  const events: EngineEvent[] = [];
  let clear = false;
  for (const p of tok.commands) {
    if (!shouldRun(p.connector, last)) continue;
    const r = runPipeline(w, sh, p);
    w = r.world;
    sh = r.shell;
    last = r.exitCode;
    out.push(...r.out);
    events.push(...r.events);
    if (r.clear) clear = true;
  }
  return { world: w, shell: sh, out, exitCode: last, events, ...(clear ? { clear } : {}) };
}

function stdoutOf(out: readonly OutChunk[]): string {
  return out.filter((o) => o.stream === 'out').map((o) => o.text).join('');
}

interface Ran {
  world: World;
  shell: Shell;
  out: OutChunk[];
  exitCode: number;
  events: EngineEvent[];
  clear?: boolean;
}

function runPipeline(world: World, shell: Shell, p: Pipeline): Ran {
  const [first = [], ...rest] = p.stages;
  const r = runSimple(world, shell, first);
  let out = r.out;
  let exitCode = r.exitCode;
  let w = r.world;
  // Redirections of the first stage: 2>&1, > /dev/null, > /etc/docker/daemon.json …
  for (const red of p.redirects[0] ?? []) {
    if (red.op === '>&' && red.fd === 2 && red.target === '1') out = out.map((o) => ({ ...o, stream: 'out' as const }));
    else if ((red.op === '>' || red.op === '>>' || red.op === '&>') && (red.fd === 1 || red.op === '&>')) {
      const text = stdoutOf(out);
      out = out.filter((o) => o.stream === 'err' && red.op !== '&>');
      const wr = writeFile(w, shell, red.target, text, red.op === '>>');
      w = wr.world;
      out.push(...wr.out);
    } else if (red.op === '>' && red.fd === 2) out = out.filter((o) => o.stream === 'out');
  }
  // Later stages are text filters over the previous stage's stdout; stderr passes through.
  for (const stage of rest) {
    const [name = '', ...args] = stage;
    const errs = out.filter((o) => o.stream === 'err');
    const input = stdoutOf(out);
    if (name === 'tee') {
      let tw = w;
      for (const file of args.filter((a) => !a.startsWith('-'))) tw = writeFile(tw, shell, file, input, args.includes('-a')).world;
      w = tw;
      out = [...errs, { stream: 'out', text: input }];
      exitCode = 0;
      continue;
    }
    const f = FILTERS[name];
    if (!f) {
      const sub = runSimple(w, shell, stage);
      out = [...errs, ...sub.out];
      exitCode = sub.exitCode;
      continue;
    }
    const fr = f(args, input);
    out = [...errs, ...(fr.out ? [{ stream: 'out' as const, text: fr.out }] : []), ...(fr.err ? [{ stream: 'err' as const, text: fr.err }] : [])];
    exitCode = fr.exitCode;
  }
  return { ...r, world: w, out, exitCode };
}

function runSimple(world: World, shell: Shell, argv0: readonly string[]): Ran {
  // We are root already: `sudo docker …` runs `docker …`. On the laptop, `student` becomes root
  // for that command (ip's changes need it; the lab's sudo asks for no password).
  const sudo = argv0[0] === 'sudo';
  const argv = sudo ? argv0.slice(argv0[1] === '-E' ? 2 : 1) : argv0;
  const prog = argv[0] ?? '';
  if (prog === 'exit' || prog === 'logout') return leave(world, shell, Number(argv[1] ?? 0) || 0);
  if (prog === 'true' || prog === ':' || prog === 'cd' || prog === 'sleep') return { world, shell, out: [], exitCode: 0, events: [] };
  if (prog === 'false') return { world, shell, out: [], exitCode: 1, events: [] };
  if (prog === 'trace') return traced(world, shell, argv.slice(1));
  const r = dispatch(world, shell, argv, sudo);
  return { world: r.world ?? world, shell: r.shell ?? shell, out: [...r.out], exitCode: r.exitCode, events: [...(r.events ?? [])], ...(r.clear ? { clear: true } : {}) };
}

/**
 * `trace COMMAND…` runs the command as usual, then explains every packet it sent, hop by hop
 * (`trace docker exec alpine1 ping -c 1 alpine2`, `trace curl localhost:8080`).
 */
function traced(world: World, shell: Shell, argv: readonly string[]): Ran {
  if (argv.length === 0) {
    return { world, shell, out: [{ stream: 'err', text: 'usage: trace COMMAND [ARG...]   (for example: trace ping -c 1 172.17.0.2)\n' }], exitCode: 2, events: [] };
  }
  const r = runSimple(world, shell, argv);
  const packets = r.events.filter((e): e is Extract<EngineEvent, { type: 'packet' }> => e.type === 'packet');
  const text = packets.length ? formatTrace(r.world, packets) : '\n(trace: this command sent no packets)\n';
  return { ...r, out: [...r.out, { stream: 'out', text }] };
}

/** `exit` leaves the container shell or the laptop; leaving an attached main shell stops the container. */
function leave(world: World, shell: Shell, code: number): Ran {
  if (shell.at === 'laptop') {
    return { world, shell: { at: 'host' }, out: [{ stream: 'out', text: 'logout\nConnection to laptop closed.\n' }], exitCode: 0, events: [] };
  }
  if (shell.at === 'container') {
    if (shell.via === 'attach') return stopAttached(world, shell.id, code);
    return { world, shell: { at: 'host' }, out: [{ stream: 'out', text: 'exit\n' }], exitCode: code, events: [] };
  }
  // The host console is the lab itself: there is nothing to log out to.
  return { world, shell, out: [{ stream: 'out', text: 'logout\n' }, { stream: 'err', text: '(the lab console stays open; use Reset to start over)\n' }], exitCode: 0, events: [] };
}

function stopAttached(world: World, id: ContainerId, code: number): Ran {
  const stopped = stopContainer(world, id);
  const w = stopped.ok ? stopped.value.world : world;
  const c = w.docker.containers.get(id);
  // The shell was the main process: the container exits with its status.
  const fixed = c ? { ...w, docker: { ...w.docker, containers: w.docker.containers.set(id, { ...c, exitCode: code }) } } : w;
  return { world: fixed, shell: { at: 'host' }, out: [{ stream: 'out', text: 'exit\n' }], exitCode: code, events: stopped.ok ? [...stopped.value.events] : [] };
}

/** The reply to a [y/N] prompt: only y/yes goes ahead (docker/cli PromptForConfirmation). */
function answer(world: World, argv: readonly string[], line: string): LineResult {
  const host: Shell = { at: 'host' };
  if (!/^\s*y(es)?\s*$/i.test(line)) return { world, shell: host, out: [], exitCode: 0, events: [] };
  const r = runSimple(world, host, argv);
  return { world: r.world, shell: host, out: r.out, exitCode: r.exitCode, events: r.events };
}

function controlKey(world: World, shell: Shell, key: string): LineResult {
  if (shell.at === 'container' && key === CTRL_P_Q) {
    return { world, shell: { at: 'host' }, out: [{ stream: 'out', text: 'read escape sequence\n' }], exitCode: 0, events: [] };
  }
  if (shell.at === 'container' && shell.via === 'attach' && shell.shell === 'none' && key === CTRL_C) {
    // SIGINT reaches the main process through the CLI's signal proxy: the server shuts down.
    const r = stopAttached(world, shell.id, 0);
    return { ...r, out: [] };
  }
  return { world, shell, out: [{ stream: 'out', text: '^C\n' }], exitCode: 130, events: [] };
}

export { promptFor } from './prompt';
export { complete } from './complete';
