/**
 * How the docker CLI 28.x words and wraps errors (reference docker-fidelity.md §6.1), checked
 * against docker/cli v28.5.2:
 * - cmd/docker/docker.go `main`: a returned error is printed with `fmt.Fprintln(os.Stderr, err)`
 *   (nothing is printed for an empty message); the exit code is the StatusError's StatusCode, or 1.
 * - the API client prefixes daemon errors with "Error response from daemon: ".
 * - cli/command/container/run.go `withHelp`: "docker: %w\n\nRun 'docker %s --help' for more
 *   information" with the command name hard-coded ("run" / "create", also when invoked as
 *   `docker container run`); `toStatusError` picks 125/126/127 from the message.
 * - cli/command/network/remove.go: on any failure the command returns
 *   StatusError{StatusCode: 1, Status: "exit status 1"}, so a last line `exit status 1` follows
 *   the per-network error lines.
 * Flag and argument-count errors live in ../flags.ts (they need the CommandSpec).
 */
import type { CommandOutput, OutChunk } from '../types';

export const DAEMON_PREFIX = 'Error response from daemon: ';

/** `Error response from daemon: <message>` (the client's wrapping of any daemon error). */
export function daemonError(message: string): string {
  return DAEMON_PREFIX + message;
}

/** `docker: <err>\n\nRun 'docker run --help' for more information` (CLI 28 `withHelp`). */
export function withRunHelp(err: string, command: 'run' | 'create' = 'run'): string {
  return `docker: ${err}\n\nRun 'docker ${command} --help' for more information`;
}

/**
 * The StatusError `docker run` / `docker create` return for an error from creating or starting the
 * container (`toStatusError`, run.go): 127 when the command was not found, 126 when it could not
 * be executed, 125 otherwise. Note upstream always says "run" here, even for `docker start`-like
 * paths of create; we keep that.
 */
export function runStatusError(err: string): { readonly message: string; readonly exitCode: 125 | 126 | 127 } {
  const message = withRunHelp(err, 'run');
  if (
    err.includes('executable file not found') ||
    err.includes('no such file or directory') ||
    err.includes('system cannot find the file specified')
  ) {
    return { message, exitCode: 127 };
  }
  // syscall.EACCES.Error() / syscall.EISDIR.Error()
  if (err.includes('permission denied') || err.includes('is a directory')) return { message, exitCode: 126 };
  return { message, exitCode: 125 };
}

/** The final line `docker network rm` (CLI 28.0.1+) prints when any removal failed. */
export function exitStatusLine(status: number): string {
  return `exit status ${status}`;
}

/** Go's errors.Join: messages joined by newlines (used by inspect, rm, stop… for several targets). */
export function joinErrors(messages: readonly string[]): string {
  return messages.join('\n');
}

/** One stderr chunk for an error as main() prints it (Fprintln adds the newline; empty prints nothing). */
export function errChunk(message: string): OutChunk[] {
  return message === '' ? [] : [{ stream: 'err', text: message + '\n' }];
}

/** A CommandOutput that only prints `message` on stderr and exits with `exitCode`. */
export function errorOutput(message: string, exitCode: number): CommandOutput {
  return { out: errChunk(message), exitCode };
}
