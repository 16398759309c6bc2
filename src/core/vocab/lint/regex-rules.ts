// Regexes in collections and in the token map must compile in JavaScript. Python-only syntax that the loader
// converts is a warning with a fix that writes the JavaScript form; anything else is an error (the pattern is dropped).
import type { Finding } from '../finding';
import { compilePattern } from '../pattern';
import type { ValuePath } from '../source-doc';
import type { VocabFile } from '../vocab-file';

export function patternPaths(file: VocabFile): { path: ValuePath; text: string }[] {
  const p = file.parsed;
  const out: { path: ValuePath; text: string }[] = [];
  if (p?.kind === 'collections') {
    (p.value.collections ?? []).forEach((c, i) => {
      (c.match?.path_patterns ?? []).forEach((t, j) => out.push({ path: ['collections', i, 'match', 'path_patterns', j], text: t }));
      (c.match?.sequence_number_regex ?? []).forEach((t, j) => out.push({ path: ['collections', i, 'match', 'sequence_number_regex', j], text: t }));
    });
  } else if (p?.kind === 'tokenmap') {
    const s = p.value.scale_tokens;
    if (s?.ratio_pattern) out.push({ path: ['scale_tokens', 'ratio_pattern'], text: s.ratio_pattern });
    if (s?.mm_pattern) out.push({ path: ['scale_tokens', 'mm_pattern'], text: s.mm_pattern });
    for (const [k, t] of Object.entries(p.value.token_patterns ?? {})) out.push({ path: ['token_patterns', k], text: t });
  }
  return out;
}

export function lintPatterns(file: VocabFile): Finding[] {
  const doc = file.doc;
  if (!doc) return [];
  const out: Finding[] = [];
  for (const { path, text } of patternPaths(file)) {
    const c = compilePattern(text);
    const range = doc.rangeAt(path);
    if (c.error) {
      out.push({ file: file.path, range, code: 'regex-invalid', severity: 'error', message: `The regex ${JSON.stringify(text)} does not compile in JavaScript: ${c.error}. It is ignored.` });
    } else if (c.python) {
      out.push({
        file: file.path, range, code: 'regex-python', severity: 'warning',
        message: `The regex ${JSON.stringify(text)} uses Python syntax: ${c.python.reasons.join('; ')}. It is converted on load; write it as ${c.python.jsForm}`,
        fix: { title: `Rewrite as ${c.python.jsForm}`, edits: [{ range, newText: JSON.stringify(c.python.jsForm) }] },
      });
    }
  }
  return out;
}
