// token_locale (SPEC §2.5): all ASCII → en; any kana → ja; any CJK ideograph → zh; otherwise unknown.
export function tokenLocale(tokens: readonly string[]): 'en' | 'ja' | 'zh' | null {
  if (tokens.every(isAscii)) return 'en';
  const text = tokens.join(' ');
  if (/[\u3040-\u30ff]/u.test(text)) return 'ja';
  if (/[\u4e00-\u9fff]/u.test(text)) return 'zh';
  return null;
}

function isAscii(token: string): boolean {
  for (let i = 0; i < token.length; i++) if (token.charCodeAt(i) > 0x7f) return false;
  return true;
}
