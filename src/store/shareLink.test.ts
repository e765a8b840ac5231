import { describe, expect, it } from 'vitest';
import { MemoryStorage } from './memoryStorage.testutil';
import { SESSION_KEY } from './session';
import { MAX_SHARE_CHARS, SHARE_PREFIX, decodeShare, encodeShare, openSharedLink, shareUrl } from './shareLink';

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('encodeShare / decodeShare', () => {
  it('round-trips lines with Chinese text, quotes, $(…), backslashes and control keys', () => {
    const lab = {
      seed: 42,
      lines: ['docker network create app', 'docker run -dit --name 容器一 --network app alpine', `echo "it's $(hostname)" \\ 'x'`, '\u0003', 'ping -c 1 a1 # 你好 😀'],
    };
    const payload = encodeShare(lab);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeShare(payload ?? '')).toEqual(lab);
    expect(decodeShare(SHARE_PREFIX + (payload ?? ''))).toEqual(lab);
  });

  it('carries no history and matches plain base64url of the JSON', () => {
    const payload = encodeShare({ seed: 1, lines: ['ip a'] });
    expect(Buffer.from(payload ?? '', 'base64url').toString('utf8')).toBe('{"v":1,"seed":1,"lines":["ip a"]}');
  });

  it('has nothing to share for an empty lab, and refuses one too long for a link', () => {
    expect(encodeShare({ seed: 1, lines: [] })).toBeNull();
    expect(encodeShare({ seed: 1, lines: Array.from({ length: 100 }, () => 'x'.repeat(3000)) })).toBeNull();
  });

  it('builds the link from the page address, dropping query and fragment, on any path', () => {
    const lab = { seed: 1, lines: ['ip a'] };
    const p = encodeShare(lab);
    expect(shareUrl('https://school.example/labs/docker/index.html?x=1#lab=old', lab)).toBe(`https://school.example/labs/docker/index.html#lab=${p}`);
    expect(shareUrl('file:///home/t/lab/index.html', lab)).toBe(`file:///home/t/lab/index.html#lab=${p}`);
    expect(shareUrl('http://127.0.0.1:4401/', { seed: 1, lines: [] })).toBeNull();
  });

  it('rejects bad base64, bad UTF-8, bad JSON and the wrong shape', () => {
    expect(decodeShare('#lab=')).toBeNull();
    expect(decodeShare('#lab=xyz')).toBeNull();
    expect(decodeShare('#lab=ab+/')).toBeNull(); // standard base64 alphabet, not url-safe
    expect(decodeShare('#lab=a')).toBeNull(); // impossible length
    expect(decodeShare('#lab=' + Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url'))).toBeNull();
    expect(decodeShare('#lab=' + b64url('{"v":1,"seed":1,"lines":['))).toBeNull();
    expect(decodeShare('#lab=' + b64url('"hello"'))).toBeNull();
    expect(decodeShare('#lab=' + b64url('{"v":2,"seed":1,"lines":["a"]}'))).toBeNull();
    expect(decodeShare('#lab=' + b64url('{"v":1,"seed":1.5,"lines":["a"]}'))).toBeNull();
    expect(decodeShare('#lab=' + b64url('{"v":1,"seed":1,"lines":[1]}'))).toBeNull();
    expect(decodeShare('#lab=' + b64url('{"v":1,"seed":1,"lines":[]}'))).toBeNull();
  });

  it('rejects too many lines, a line too long, and a link too long', () => {
    expect(decodeShare('#lab=' + b64url(JSON.stringify({ v: 1, seed: 1, lines: Array(5001).fill('a') })))).toBeNull();
    expect(decodeShare('#lab=' + b64url(JSON.stringify({ v: 1, seed: 1, lines: ['x'.repeat(4001)] })))).toBeNull();
    expect(decodeShare('#lab=' + 'A'.repeat(MAX_SHARE_CHARS))).toBeNull();
  });
});

describe('openSharedLink', () => {
  const shared = { seed: 7, lines: ['docker network create app', 'docker run -dit --name a1 --network app alpine'] };
  const hash = SHARE_PREFIX + encodeShare(shared);
  const never = () => {
    throw new Error('should not ask');
  };

  it('ignores a page without #lab=', () => {
    const s = new MemoryStorage();
    expect(openSharedLink('', s, never, 'en')).toEqual({ kind: 'none' });
    expect(openSharedLink('#other', s, never, 'en')).toEqual({ kind: 'none' });
    expect(s.data.size).toBe(0);
  });

  it('reports an invalid link and leaves the saved session alone', () => {
    const s = new MemoryStorage();
    s.setItem(SESSION_KEY, '{"v":1,"seed":1,"lines":["ip a"]}');
    expect(openSharedLink('#lab=xyz', s, never, 'en').kind).toBe('invalid');
    expect(s.getItem(SESSION_KEY)).toBe('{"v":1,"seed":1,"lines":["ip a"]}');
  });

  it('writes the shared session when nothing was saved, without asking', () => {
    const s = new MemoryStorage();
    const r = openSharedLink(hash, s, never, 'en');
    expect(r).toMatchObject({ kind: 'opened', lines: 2 });
    expect(JSON.parse(s.getItem(SESSION_KEY) ?? '')).toEqual({ v: 1, ...shared });
  });

  it('does not ask when the saved session has no lines or the same lines', () => {
    const s = new MemoryStorage();
    s.setItem(SESSION_KEY, JSON.stringify({ v: 1, seed: 3, lines: [], history: ['ls'] }));
    expect(openSharedLink(hash, s, never, 'en').kind).toBe('opened');
    expect(JSON.parse(s.getItem(SESSION_KEY) ?? '')).toEqual({ v: 1, ...shared, history: ['ls'] });
    expect(openSharedLink(hash, s, never, 'en').kind).toBe('opened');
  });

  it('asks before replacing other lines (in the saved language); yes replaces and keeps the history, no keeps', () => {
    const old = { v: 1, seed: 1, lines: ['docker run -d --name web nginx'], history: ['ip a', 'docker run -d --name web nginx'] };
    const s = new MemoryStorage();
    s.setItem(SESSION_KEY, JSON.stringify(old));
    const asked: string[] = [];
    expect(openSharedLink(hash, s, (q) => (asked.push(q), false), 'zh-CN').kind).toBe('kept');
    expect(JSON.parse(s.getItem(SESSION_KEY) ?? '')).toEqual(old);
    expect(asked[0]).toContain('替换');
    expect(asked[0]).toContain('2');
    expect(openSharedLink(hash, s, (q) => (asked.push(q), true), 'en').kind).toBe('opened');
    expect(asked[1]).toMatch(/Replace your current lab \(1 command\)/);
    expect(JSON.parse(s.getItem(SESSION_KEY) ?? '')).toEqual({ v: 1, ...shared, history: old.history });
  });

  it('hands the session back when storage refuses it', () => {
    const r = openSharedLink(hash, null, never, 'en');
    expect(r.kind).toBe('opened');
    expect(JSON.parse(r.session ?? '')).toEqual({ v: 1, ...shared });
  });
});
