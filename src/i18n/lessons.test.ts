import { describe, expect, it } from 'vitest';
import { LESSONS } from '../lessons';
import { MESSAGES, t } from './index';
import { LESSON_TEXTS } from './lessons';
import { LESSON_CATALOG } from './lessons/catalog';
import { LESSONS_UI } from './lessonsUi';

/**
 * Every word exists in both languages: a key (or a hint, a paragraph, a choice) in one language
 * and not the other fails here, for the UI strings and for every lesson's texts. Placeholders
 * ({name}) must match too, or a translation would print a raw `{name}`.
 */

/** Leaves of a nested text object as path → string. */
function flatten(x: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof x === 'string') out.set(path, x);
  else if (Array.isArray(x)) x.forEach((v, i) => flatten(v, `${path}[${i}]`).forEach((s, k) => out.set(k, s)));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) flatten(v, path ? `${path}.${k}` : k).forEach((s, p) => out.set(p, s));
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function expectSameShape(en: unknown, zh: unknown) {
  const a = flatten(en);
  const b = flatten(zh);
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  for (const [k, v] of a) {
    expect(placeholders(b.get(k) ?? ''), k).toEqual(placeholders(v));
    expect(v.trim(), `${k} is empty`).not.toBe('');
    expect((b.get(k) ?? '').trim(), `${k} is empty in zh-CN`).not.toBe('');
  }
}

describe('t', () => {
  it('fills placeholders and picks the English singular for 1', () => {
    expect(t('en', 'notice.session-restored', { n: 1 })).toBe('Welcome back: your previous session was restored (1 line).');
    expect(t('en', 'notice.session-restored', { n: 3 })).toBe('Welcome back: your previous session was restored (3 lines).');
    expect(t('zh-CN', 'notice.session-restored', { n: 1 })).toBe('欢迎回来：已恢复上次的会话（1 行）。');
  });
});

describe('translations', () => {
  it('the UI strings have the same keys in English and Chinese', () => expectSameShape(MESSAGES.en, MESSAGES['zh-CN']));
  it('the lessons panel strings have the same keys in English and Chinese', () => expectSameShape(LESSONS_UI.en, LESSONS_UI['zh-CN']));

  for (const [id, texts] of Object.entries(LESSON_TEXTS)) {
    it(`lesson ${id} has the same texts in English and Chinese`, () => expectSameShape(texts.en, texts['zh-CN']));
  }

  it('the catalog lists every lesson in order, titled in both languages', () => {
    expect(LESSON_CATALOG.map((l) => l.id)).toEqual(LESSONS.map((l) => l.id));
    for (const l of LESSON_CATALOG) expectSameShape(l.en, l['zh-CN']);
  });

  it('every lesson and task has its words, and only those', () => {
    expect(Object.keys(LESSON_TEXTS).sort()).toEqual(LESSONS.map((l) => l.id).sort());
    for (const l of LESSONS) {
      const text = LESSON_TEXTS[l.id]?.en;
      expect(Object.keys(text?.tasks ?? {}).sort(), l.id).toEqual(l.tasks.map((t) => t.id).sort());
      for (const t of l.tasks) {
        const tt = text?.tasks[t.id];
        expect(tt?.hints.length, `${l.id}/${t.id} hints`).toBeGreaterThan(0);
        if (t.kind === 'choice') expect(Object.keys(tt?.choices ?? {}).sort(), `${l.id}/${t.id}`).toEqual([...t.choices].sort());
        else expect(tt?.choices, `${l.id}/${t.id} has choices but is not a choice`).toBeUndefined();
      }
    }
  });
});
