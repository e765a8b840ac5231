import { describe, expect, it } from 'vitest';
import {
  daemonError,
  errChunk,
  errorOutput,
  exitStatusLine,
  joinErrors,
  runStatusError,
  withRunHelp,
} from './errors';

describe('CLI 28 error wrapping', () => {
  it('prefixes daemon errors', () => {
    expect(daemonError('network foo not found')).toBe('Error response from daemon: network foo not found');
  });

  it('wraps docker run/create errors with the CLI 28 help tail', () => {
    const conflict =
      'Conflict. The container name "/web" is already in use by container "abc". You have to remove (or rename) that container to be able to reuse that name.';
    expect(withRunHelp(daemonError(conflict))).toBe(
      `docker: Error response from daemon: ${conflict}\n\nRun 'docker run --help' for more information`,
    );
    expect(withRunHelp('invalid reference format', 'create')).toBe(
      "docker: invalid reference format\n\nRun 'docker create --help' for more information",
    );
  });

  it('picks the docker run exit code like toStatusError', () => {
    expect(runStatusError('Error response from daemon: port is already allocated').exitCode).toBe(125);
    expect(
      runStatusError('Error response from daemon: failed to create task: exec: "foo": executable file not found in $PATH')
        .exitCode,
    ).toBe(127);
    expect(runStatusError('Error response from daemon: exec /bin/x: permission denied').exitCode).toBe(126);
    expect(runStatusError('x').message).toBe("docker: x\n\nRun 'docker run --help' for more information");
  });

  it('network rm tail, joins, output chunks', () => {
    expect(exitStatusLine(1)).toBe('exit status 1');
    expect(joinErrors(['a', 'b'])).toBe('a\nb');
    expect(errChunk('')).toEqual([]);
    expect(errorOutput('boom', 125)).toEqual({ out: [{ stream: 'err', text: 'boom\n' }], exitCode: 125 });
  });
});
