// Regexes written in vocab files. This project's form is JavaScript: a plain pattern, or `/pattern/flags`.
// The original's files hold Python patterns; the Python-only parts that have a mechanical JavaScript equivalent
// (a leading `(?i)`, `(?P<name>…)`, `(?P=name)`, `\A`, `\Z`) are converted on load and reported, with the JS form
// offered as the fix. Anything else that JavaScript refuses is an error and the pattern is dropped.

export interface CompiledPattern {
  regex?: RegExp;
  /** Set when the text uses Python-only syntax: why, and the equivalent in this project's `/…/flags` form. */
  python?: { reasons: string[]; jsForm: string };
  /** Set when it does not compile even after conversion: JavaScript's reason. */
  error?: string;
}

const SLASH_FORM = /^\/(.*)\/([dgimsuvy]*)$/s;

export function compilePattern(text: string): CompiledPattern {
  const slash = SLASH_FORM.exec(text);
  if (slash) return tryCompile(slash[1]!, slash[2]!);

  let body = text;
  let flags = '';
  const reasons: string[] = [];
  const lead = /^\(\?([aiLmsux]+)\)/.exec(body);
  if (lead) {
    const py = lead[1]!;
    const unsupported = py.replace(/[ims]/g, '');
    if (unsupported === '' ) {
      flags = [...new Set(py)].sort().join('');
      body = body.slice(lead[0].length);
      reasons.push(`Python's inline flag \`(?${py})\` is not JavaScript syntax; JavaScript writes it as a flag after the pattern`);
    } else {
      return { error: `Python's inline flag \`(?${py})\` has no JavaScript equivalent (\`${unsupported}\`)` };
    }
  }
  if (/\(\?[aiLmsux]+\)/.test(body)) {
    return { error: 'an inline flag group `(?…)` in the middle of a pattern is Python-only; JavaScript takes flags for the whole pattern' };
  }
  if (body.includes('(?P<')) {
    body = body.replace(/\(\?P</g, '(?<');
    reasons.push('Python\'s named group `(?P<name>…)` is written `(?<name>…)` in JavaScript');
  }
  if (/\(\?P=(\w+)\)/.test(body)) {
    body = body.replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
    reasons.push('Python\'s back-reference `(?P=name)` is written `\\k<name>` in JavaScript');
  }
  if (/(^|[^\\])\\A/.test(body) || /(^|[^\\])\\Z/.test(body)) {
    body = body.replace(/(^|[^\\])\\A/g, '$1^').replace(/(^|[^\\])\\Z/g, '$1$');
    reasons.push('Python\'s `\\A` / `\\Z` anchors are `^` / `$` in JavaScript');
  }
  const out = tryCompile(body, flags);
  if (reasons.length > 0 && out.regex) out.python = { reasons, jsForm: `/${body}/${flags}` };
  return out;
}

function tryCompile(body: string, flags: string): CompiledPattern {
  try {
    return { regex: new RegExp(body, flags) };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const why = /\(\?<[=!]/.test(body) && /lookbehind/i.test(msg) ? `${msg} (look-behind)` : msg;
    return { error: why.replace(/^Invalid regular expression: /, '') };
  }
}
