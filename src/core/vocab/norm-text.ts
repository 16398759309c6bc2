// The matchers' text form for phrase matching (units, lineages): system names folded, punctuation to spaces.

/** Lower case; with `foldSystems` (the units matcher; the lineage matcher passes false) `warhammer 40,000|40k` →
 * `w40k`, `age of sigmar` → `aos`, `horus heresy|30k` → `heresy`; every run of non-letter, non-digit characters
 * (Unicode-aware like Python's `\W`, and `_`) → one space; trimmed. */
export function normText(text: string, foldSystems = true): string {
  let t = text.toLowerCase();
  if (foldSystems) {
    t = t
      .replace(/warhammer 40,000|warhammer 40k/g, 'w40k')
      .replace(/age of sigmar/g, 'aos')
      .replace(/horus heresy|30k/g, 'heresy');
  }
  return t.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim();
}
