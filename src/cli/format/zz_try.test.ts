import { test } from 'vitest';
import { createWorld } from '../../engine/createWorld';
import { run, spec } from '../../engine/testkit';
import { ip } from '../../cli/commands/ip';
import type { Shell } from '../../cli/types';

function sh(w: any, shell: Shell, args: string[]) {
  const r = ip.run({ world: w, shell, path: ['ip'] }, { values: {}, given: [], args });
  return r.out.map((o) => (o.stream === 'err' ? '[ERR]' : '') + o.text).join('') + `(exit ${r.exitCode})`;
}
test('try', () => {
  let w = createWorld();
  const host: Shell = { at: 'host' };
  console.log(sh(w, host, ['addr']));
  console.log(sh(w, host, ['route']));
  const a = run(w, spec('nginx', { publish: [{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: '8080' }] }));
  w = a.world;
  const b = run(w, spec('alpine', { openStdin: true, tty: true }));
  w = b.world;
  console.log(sh(w, host, ['a']));
  console.log(sh(w, host, ['-br', 'a']));
  console.log(sh(w, host, ['-br', 'link']));
  console.log(sh(w, host, ['link']));
  console.log(sh(w, host, ['r']));
  console.log(sh(w, host, ['route', 'get', '8.8.8.8']));
  console.log(sh(w, host, ['-6', 'route']));
  console.log(sh(w, host, ['-o', 'a']));
  const cb: Shell = { at: 'container', id: b.id, via: 'exec', shell: 'sh' };
  console.log(sh(w, cb, ['addr']));
  console.log(sh(w, cb, ['route']));
  console.log(sh(w, cb, ['route', 'get', '8.8.8.8']));
  console.log(sh(w, cb, ['-br', 'a']));
  console.log(sh(w, host, ['addr', 'show', 'eth9']));
  console.log(sh(w, host, ['foo']));
});
