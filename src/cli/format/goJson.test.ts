import { describe, expect, it } from 'vitest';
import { compactJson, indentJson, inspectArray, sortedMap } from './goJson';

describe('inspect JSON (json.Indent with 4 spaces, no HTML escaping)', () => {
  it('indents objects and arrays, keeps empty ones compact', () => {
    const v = { Name: 'bridge', Options: {}, Config: [{ Subnet: '172.17.0.0/16' }], Aliases: [], Labels: null, N: 0, B: false };
    expect(indentJson(v)).toBe(
      [
        '{',
        '    "Name": "bridge",',
        '    "Options": {},',
        '    "Config": [',
        '        {',
        '            "Subnet": "172.17.0.0/16"',
        '        }',
        '    ],',
        '    "Aliases": [],',
        '    "Labels": null,',
        '    "N": 0,',
        '    "B": false',
        '}',
      ].join('\n'),
    );
  });

  it('keeps < > & literal (the daemon sets SetEscapeHTML(false)) and escapes controls', () => {
    expect(indentJson({ maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' })).toBe(
      '{\n    "maintainer": "NGINX Docker Maintainers <docker-maint@nginx.com>"\n}',
    );
    expect(compactJson(['a"b', 'tab\there', 'nl\n', '\u0001'])).toBe('["a\\"b","tab\\there","nl\\n","\\u0001"]');
  });

  it('an empty result is [] and a newline', () => {
    expect(inspectArray([])).toBe('[]\n');
    expect(inspectArray([{ A: 1 }])).toBe('[\n    {\n        "A": 1\n    }\n]\n');
  });

  it('sortedMap sorts keys bytewise and keeps null', () => {
    expect(Object.keys(sortedMap({ b: 1, B: 2, a: 3 }) ?? {})).toEqual(['B', 'a', 'b']);
    expect(sortedMap(null)).toBeNull();
  });
});
