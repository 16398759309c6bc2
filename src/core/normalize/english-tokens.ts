// english_tokens (SPEC §2.5): the variant's tokens in English, through the merged i18n glossary. Longest phrase first
// (≤ 5 tokens, looked up as "a b" then "a_b"); single-token fallbacks: glued Spanish limbs (`piernadrch` → right leg),
// a non-ASCII token holding a non-ASCII glossary key (`分件` → split parts), other non-ASCII romanized by stripping
// accents (NFKD, as the original without Unidecode), ASCII unchanged. Lowercase, de-duplicated in order.
import type { Glossary } from '../vocab/ruleset';
import { BoundedCache } from './bounded-cache';
import { isAscii } from './tokenize';

const MAX_PHRASE = 5;
const SPANISH_LIMB = /^(pierna|brazo)(izq|izqda|izqdo|izquierda|drch|der|derecha|derecho)$/u;
const LIMB: Record<string, string> = { pierna: 'leg', brazo: 'arm' };
const LEFT = new Set(['izq', 'izqda', 'izqdo', 'izquierda']);

/** Non-ASCII glossary keys, longest first, so a token holding several prefers the most specific. */
const nonAsciiKeysCache = new WeakMap<Glossary, readonly [string, string][]>();
function nonAsciiKeys(glossary: Glossary): readonly [string, string][] {
  let keys = nonAsciiKeysCache.get(glossary);
  if (!keys) {
    keys = [...glossary.merged].filter(([k]) => !isAscii(k)).sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
    nonAsciiKeysCache.set(glossary, keys);
  }
  return keys;
}

/** First words of multi-word glossary keys → the longest such key's word count: most tokens start none, so the
 * phrase windows are only tried where one can hit. */
const phraseStartsCache = new WeakMap<Glossary, ReadonlyMap<string, number>>();
function phraseStarts(glossary: Glossary): ReadonlyMap<string, number> {
  let starts = phraseStartsCache.get(glossary);
  if (!starts) {
    const m = new Map<string, number>();
    for (const key of glossary.merged.keys()) {
      const words = key.split(/[ _]/u);
      if (words.length > 1) m.set(words[0], Math.max(m.get(words[0]) ?? 0, words.length));
    }
    starts = m;
    phraseStartsCache.set(glossary, starts);
  }
  return starts;
}

/** Per glossary, what each token needs, computed once: tokens repeat across thousands of sibling variants. */
interface WordInfo {
  word: string; // NFKC, lower case
  maxPhrase: number; // longest glossary phrase starting with it (1 = none)
  alone: string; // its English on its own, lower case
}
const wordCaches = new WeakMap<Glossary, BoundedCache<string, WordInfo>>();
function wordInfo(token: string, glossary: Glossary): WordInfo {
  let cache = wordCaches.get(glossary);
  if (!cache) wordCaches.set(glossary, (cache = new BoundedCache<string, WordInfo>()));
  const hit = cache.get(token);
  if (hit) return hit;
  const word = token.normalize('NFKC').toLowerCase();
  const alone = (glossary.merged.get(word) ?? single(word, glossary)).toLowerCase();
  return cache.set(token, { word, maxPhrase: Math.min(MAX_PHRASE, phraseStarts(glossary).get(word) ?? 1), alone });
}

function romanize(token: string): string {
  return token.normalize('NFKD').replace(/\p{M}+/gu, '');
}

function single(token: string, glossary: Glossary): string {
  const limb = SPANISH_LIMB.exec(token);
  if (limb) return `${LEFT.has(limb[2]) ? 'left' : 'right'} ${LIMB[limb[1]]}`;
  if (isAscii(token)) return token;
  for (const [key, english] of nonAsciiKeys(glossary)) if (token.includes(key)) return english;
  return romanize(token);
}

function pushNew(v: string, seen: Set<string>, out: string[]): void {
  if (v !== '' && !seen.has(v)) {
    seen.add(v);
    out.push(v);
  }
}

export function englishTokens(tokens: readonly string[], glossary: Glossary): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let i = 0;
  next: while (i < tokens.length) {
    const info = wordInfo(tokens[i], glossary);
    // Phrase windows only where a glossary phrase starts (rare): their words are looked up then.
    for (let n = Math.min(info.maxPhrase, tokens.length - i); n >= 2; n--) {
      const window = tokens.slice(i, i + n).map((t) => wordInfo(t, glossary).word);
      const hit = glossary.merged.get(window.join(' ')) ?? glossary.merged.get(window.join('_'));
      if (hit !== undefined) {
        pushNew(hit.toLowerCase(), seen, out);
        i += n;
        continue next;
      }
    }
    pushNew(info.alone, seen, out);
    i++;
  }
  return out;
}

/** The backfill's refinement of token_locale (SPEC §2.5): an unknown or `zh` locale becomes `zh` when a ≤ 3-token
 * phrase is a `zh` glossary key, else `ja` when one is a `ja` key; otherwise it stays. */
export function refineLocale(locale: 'en' | 'ja' | 'zh' | null, tokens: readonly string[], glossary: Glossary): 'en' | 'ja' | 'zh' | null {
  if (locale !== null && locale !== 'zh') return locale;
  const words = tokens.map((t) => t.normalize('NFKC').toLowerCase());
  const has = (loc: string) => {
    const keys = glossary.byLocale.get(loc);
    if (!keys) return false;
    for (let i = 0; i < words.length; i++)
      for (let n = 1; n <= 3 && i + n <= words.length; n++) {
        const w = words.slice(i, i + n);
        if (keys.has(w.join(' ')) || keys.has(w.join('_'))) return true;
      }
    return false;
  };
  if (has('zh')) return 'zh';
  if (has('ja')) return 'ja';
  return locale;
}
