// token_locale (SPEC §2.5): all ASCII → en; any kana → ja; any CJK ideograph → zh; otherwise unknown.
export function tokenLocale(tokens: readonly string[]): 'en' | 'ja' | 'zh' | null {
  const text = tokens.join(' ');
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/u.test(text)) return 'en';
  if (/[\u3040-\u30ff]/u.test(text)) return 'ja';
  if (/[\u4e00-\u9fff]/u.test(text)) return 'zh';
  return null;
}
