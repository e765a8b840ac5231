import { describe, expect, it } from 'vitest';
import { type GoHint, dockerFormat, formatRows, inspectFormat, parseTemplate, renderTemplate, type TemplateOptions } from './gotemplate';

function run(tmpl: string, data: unknown, opts?: TemplateOptions): string {
  const r = renderTemplate(tmpl, data, opts);
  if (!r.ok) throw new Error(r.error);
  return r.output;
}
function fail(tmpl: string, data: unknown, opts?: TemplateOptions): string {
  const r = renderTemplate(tmpl, data, opts);
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.output)}`);
  return r.error;
}

const ctr = {
  Name: '/web',
  Count: 3,
  Arr: ['a', 'b'],
  Labels: { 'com.example': 'x', app: 'web' },
  NetworkSettings: {
    IPAddress: '172.17.0.2',
    Networks: {
      mynet: { IPAMConfig: null, Aliases: ['web', 'w'], IPAddress: '172.18.0.2', Gateway: '172.18.0.1' },
      bridge: { IPAMConfig: null, Aliases: null, IPAddress: '172.17.0.2', Gateway: '172.17.0.1' },
    },
  },
};

describe('fields, variables, control flow', () => {
  it('fields and nested fields', () => {
    expect(run('{{.Name}} {{.NetworkSettings.IPAddress}}', ctr)).toBe('/web 172.17.0.2');
    expect(run('{{$}}', 'x')).toBe('x');
    expect(run('{{$n := .Name}}[{{$n}}]', ctr)).toBe('[/web]');
  });

  it('range over maps (sorted keys), arrays, with $k, $v and else', () => {
    expect(run('{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}', ctr)).toBe('172.17.0.2 172.18.0.2 ');
    expect(run('{{range $k, $v := .Labels}}{{$k}}={{$v}};{{end}}', ctr)).toBe('app=web;com.example=x;');
    expect(run('{{range $i, $e := .Arr}}{{$i}}:{{$e}} {{end}}', ctr)).toBe('0:a 1:b ');
    expect(run('{{range .Missing}}x{{else}}none{{end}}', ctr)).toBe('none');
    expect(run('{{range 3}}{{.}}{{end}}', null)).toBe('012');
    expect(run('{{range .Arr}}{{if eq . "b"}}{{break}}{{end}}{{.}}{{end}}', ctr)).toBe('a');
    expect(run('{{range .Arr}}{{if eq . "a"}}{{continue}}{{end}}{{.}}{{end}}', ctr)).toBe('b');
  });

  it('if / else if / else, with, and/or/not, comparisons', () => {
    const t = '{{if eq .Count 1}}one{{else if gt .Count 2}}many{{else}}two{{end}}';
    expect(run(t, ctr)).toBe('many');
    expect(run('{{with .NetworkSettings}}{{.IPAddress}}{{else}}no{{end}}', ctr)).toBe('172.17.0.2');
    expect(run('{{with .Nope}}x{{else}}no{{end}}', ctr)).toBe('no');
    expect(run('{{and 1 0 2}} {{or 0 "" "x"}} {{not .Arr}} {{ne .Name "/db"}} {{le 2 2}} {{lt "a" "b"}}', ctr)).toBe(
      '0 x false true true true',
    );
    expect(run('{{if and .Name (eq (len .Arr) 2)}}yes{{end}}', ctr)).toBe('yes');
  });

  it('trim markers and comments', () => {
    expect(run('a  {{- .Name -}}  b', ctr)).toBe('a/webb');
    expect(run('x {{/* a comment */}} y {{- /* trimmed */ -}} z', ctr)).toBe('x  yz');
    expect(run('{{-3}}', null)).toBe('-3');
  });

  it('pipelines and parenthesised chains', () => {
    expect(run('{{.Name | printf "%q"}}', ctr)).toBe('"/web"');
    expect(run('{{.Arr | len}}', ctr)).toBe('2');
    expect(run('{{(index .NetworkSettings.Networks "mynet").IPAddress}}', ctr)).toBe('172.18.0.2');
  });
});

describe('printing values like Go fmt %v', () => {
  it('maps, slices, nil, numbers', () => {
    expect(run('{{.Labels}}', ctr)).toBe('map[app:web com.example:x]');
    expect(run('{{.Arr}}', ctr)).toBe('[a b]');
    expect(run('{{.NetworkSettings.Networks.bridge}}', ctr)).toBe('map[Aliases:<nil> Gateway:172.17.0.1 IPAMConfig:<nil> IPAddress:172.17.0.2]');
    expect(run('{{.NetworkSettings.Networks.bridge.IPAMConfig}}', ctr)).toBe('<no value>');
    expect(run('{{.Missing}}', ctr)).toBe('<no value>');
    expect(run('{{.A}} {{.B}} {{.C}} {{.D}}', { A: 1000000.5, B: 1.5, C: 10, D: true })).toBe('1.0000005e+06 1.5 10 true');
  });

  it('typed values with hints: structs, pointers as addresses, typed nils, time.Time', () => {
    const hints: Record<string, GoHint> = {
      'NetworkSettings': { kind: 'struct', name: 'container.NetworkSettings', pointer: true },
      'NetworkSettings.Networks': { kind: 'map', name: 'map[string]*network.EndpointSettings' },
      'NetworkSettings.Networks.*': { kind: 'struct', name: 'network.EndpointSettings', pointer: true },
      'NetworkSettings.Networks.*.Aliases': { kind: 'slice', name: '[]string' },
      'Labels': { kind: 'map', name: 'map[string]string' },
      'Created': { kind: 'time' },
    };
    const opts: TemplateOptions = { objects: 'struct', structName: 'container.InspectResponse', typeAt: (p) => hints[p] };
    expect(run('{{.NetworkSettings.Networks}}', ctr, opts)).toMatch(/^map\[bridge:0xc[0-9a-f]{9} mynet:0xc[0-9a-f]{9}\]$/);
    expect(run('{{.NetworkSettings.Networks.bridge}}', ctr, opts)).toBe('{<nil> [] 172.17.0.2 172.17.0.1}');
    expect(run('{{printf "%v" .NetworkSettings.Networks.bridge}}', ctr, opts)).toBe('&{<nil> [] 172.17.0.2 172.17.0.1}');
    expect(run('{{.NetworkSettings.Networks.none}}', ctr, opts)).toBe('<no value>');
    expect(run('{{index .NetworkSettings.Networks "none"}}', ctr, opts)).toBe('<nil>');
    expect(run('{{index .Labels "nope"}}|', ctr, opts)).toBe('|');
    expect(run('{{join .NetworkSettings.Networks.mynet.Aliases ","}}', ctr, opts)).toBe('web,w');
    expect(run('{{.Created}}', { Created: '2023-06-28T04:50:31.747246953Z' }, opts)).toBe('2023-06-28 04:50:31.747246953 +0000 UTC');
    expect(fail('{{.Nope}}', ctr, opts)).toBe(
      'template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type container.InspectResponse',
    );
  });
});

describe('functions', () => {
  it('json is compact, sorts map keys and does not HTML-escape (SetEscapeHTML(false))', () => {
    expect(run('{{json .Labels}}', ctr)).toBe('{"app":"web","com.example":"x"}');
    expect(run('{{json .}}', { b: '<a&b>', a: [1, null, 'x\n\u2028'] })).toBe('{"a":[1,null,"x\\n\\u2028"],"b":"<a&b>"}');
    expect(run('{{json .Missing}}', ctr)).toBe('null');
  });

  it('docker funcs: join split upper lower title truncate pad', () => {
    expect(run('{{join (split "a,b,c" ",") "|"}}', null)).toBe('a|b|c');
    expect(run('{{upper "abc"}} {{lower "ABC"}} {{title "hello world-x"}}', null)).toBe('ABC abc Hello World-X');
    expect(run('{{truncate "abcdef" 3}} {{truncate "ab" 3}}', null)).toBe('abc ab');
    expect(run('[{{pad "x" 1 2}}][{{pad "" 1 2}}]', null)).toBe('[ x  ][]');
  });

  it('printf, print, println, len, index, slice, html, urlquery', () => {
    expect(run('{{printf "%5.2f|%-4s|%q|%x|%d|%t" 3.14159 "a" "b" 255 -7 true}}', null)).toBe(' 3.14|a   |"b"|ff|-7|true');
    expect(run('{{printf "%d %s" "x"}}', null)).toBe('%!d(string=x) %!s(MISSING)');
    expect(run('{{printf "%s" 1 2}}', null)).toBe('%!s(int=1)%!(EXTRA int=2)');
    expect(run('{{print "a" 1 2 "b"}}', null)).toBe('a1 2b');
    expect(run('{{println "a" 1}}', null)).toBe('a 1\n');
    expect(run('{{len "héllo"}} {{len .Labels}}', ctr)).toBe('6 2');
    expect(run('{{index .Arr 1}} {{index "abc" 0}} {{slice .Arr 1}} {{slice "hello" 1 3}}', ctr)).toBe('b 97 [b] el');
    expect(run('{{html "<a href=\'x\'>"}} {{urlquery "a b&c"}}', null)).toBe('&lt;a href=&#39;x&#39;&gt; a+b%26c');
  });
});

describe('errors in Go words', () => {
  it('parse errors', () => {
    const perr = (t: string): string => {
      const p = parseTemplate(t);
      if (p.ok) throw new Error('expected a parse error');
      return p.error;
    };
    expect(perr('{{.Name}')).toBe("template: :1: bad character U+007D '}'");
    expect(perr('{{ .Name }')).toBe('template: :1: unexpected "}" in operand');
    expect(perr('{{.Name')).toBe('template: :1: unclosed action');
    expect(perr('{{if .X}}')).toBe('template: :1: unexpected EOF');
    expect(perr('{{end}}')).toBe('template: :1: unexpected {{end}}');
    expect(perr('{{foo .}}')).toBe('template: :1: function "foo" not defined');
    expect(perr('{{$x}}')).toBe('template: :1: undefined variable "$x"');
    expect(perr('{{}}')).toBe('template: :1: missing value for command');
    expect(perr('{{break}}')).toBe('template: :1: {{break}} outside {{range}}');
    expect(perr('{{"abc}}')).toBe('template: :1: unterminated quoted string');
    expect(perr('a\n{{.X\n')).toBe('template: :3: unclosed action started at :2');
    expect(perr('{{range $a, $b, $c := .}}{{end}}')).toBe('template: :1: too many declarations in range');
  });

  it('execution errors with positions', () => {
    expect(fail('{{.Foo}}', ctr, { missingKey: 'error' })).toBe('template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"');
    expect(fail('{{.NetworkSettings.Foo}}', ctr, { missingKey: 'error' })).toBe(
      'template: :1:18: executing "" at <.NetworkSettings.Foo>: map has no entry for key "Foo"',
    );
    expect(fail('{{.Name.Foo}}', ctr)).toBe('template: :1:7: executing "" at <.Name.Foo>: can\'t evaluate field Foo in type string');
    expect(fail('{{index .Arr 5}}', ctr)).toBe('template: :1:2: executing "" at <index .Arr 5>: error calling index: index out of range: 5');
    expect(fail('{{upper .Count}}', ctr)).toBe('template: :1:8: executing "" at <.Count>: wrong type for value; expected string; got int');
    expect(fail('{{range .Name}}{{end}}', ctr)).toBe('template: :1:8: executing "" at <.Name>: range can\'t iterate over /web');
    expect(fail('{{join .Arr}}', ctr)).toBe('template: :1:2: executing "" at <join>: wrong number of args for join: want 2 got 1');
    expect(fail('{{eq .Count "3"}}', ctr)).toBe(
      'template: :1:2: executing "" at <eq .Count "3">: error calling eq: incompatible types for comparison',
    );
    expect(fail('x\n  {{.A.B.C}}', { A: null })).toBe('template: :2:6: executing "" at <.A.B.C>: nil pointer evaluating interface {}.B');
  });
});

describe('docker formatter and inspector', () => {
  it('preFormat: table prefix, json, \\t and \\n escapes', () => {
    expect(dockerFormat('table {{.ID}}\\t{{.Name}}')).toEqual({ table: true, text: '{{.ID}}\t{{.Name}}' });
    expect(dockerFormat('json')).toEqual({ table: false, text: '{{json .}}' });
    expect(dockerFormat(' {{.Name}}\\n ')).toEqual({ table: false, text: '{{.Name}}\n' });
  });

  it('formatRows renders the default `docker network ls` table', () => {
    const rows = [
      { ID: '20e3fe38ac56', Name: 'bridge', Driver: 'bridge', Scope: 'local' },
      { ID: 'd1b1444e9a9f', Name: 'pd24-bridge', Driver: 'bridge', Scope: 'local' },
    ];
    const header = { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE' };
    const r = formatRows('table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}', rows, header, { objects: 'struct' });
    expect(r).toEqual({
      ok: true,
      output: 'NETWORK ID     NAME          DRIVER    SCOPE\n20e3fe38ac56   bridge        bridge    local\nd1b1444e9a9f   pd24-bridge   bridge    local\n',
    });
    expect(formatRows('table {{upper .Name}}', rows, header)).toEqual({ ok: true, output: 'NAME\nBRIDGE\nPD24-BRIDGE\n' });
    expect(formatRows('{{.Name}}', rows, header)).toEqual({ ok: true, output: 'bridge\npd24-bridge\n' });
    // formatter contexts marshal as maps: sorted keys even in struct mode
    expect(formatRows('json', rows.slice(0, 1), header, { objects: 'struct' })).toEqual({
      ok: true,
      output: '{"Driver":"bridge","ID":"20e3fe38ac56","Name":"bridge","Scope":"local"}\n',
    });
    expect(formatRows('{{.Nope}}', rows, header, { objects: 'struct', structName: '*formatter.networkContext' })).toEqual({
      ok: false,
      error: 'template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.networkContext',
    });
  });

  it('inspectFormat falls back to the raw map with missingkey=error', () => {
    const typed: TemplateOptions = { structName: 'container.InspectResponse' };
    expect(inspectFormat('{{.NetworkSettings.IPAddress}}', ctr, typed)).toEqual({ ok: true, output: '172.17.0.2\n' });
    expect(inspectFormat('{{.Foo}}', ctr, typed)).toEqual({
      ok: false,
      error: 'template parsing error: template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"',
      exitCode: 1,
    });
    expect(inspectFormat('{{.Name}', ctr, typed)).toEqual({
      ok: false,
      error: "template parsing error: template: :1: bad character U+007D '}'",
      exitCode: 64,
    });
    expect(inspectFormat('{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}', ctr, typed)).toEqual({
      ok: true,
      output: '172.17.0.2 172.18.0.2 \n',
    });
  });
});
