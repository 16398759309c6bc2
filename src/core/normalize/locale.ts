// token_locale (SPEC §2.5): all ASCII → en; any kana → ja; any CJK ideograph → zh; otherwise unknown.
import { isAscii } from './tokenize';

export function tokenLocale(tokens: readonly string[]): 'en' | 'ja' | 'zh' | null {
  if (tokens.every(isAscii)) return 'en';
  const text = tokens.join(' ');
  if (/[\u3040-\u30ff]/u.test(text)) return 'ja';
  if (/[\u4e00-\u9fff]/u.test(text)) return 'zh';
  return null;
}
