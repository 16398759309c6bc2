// Support state (SPEC §3.2.6 + the documented rules, DECISIONS D2): `pre` + `supported…` is presupported; presupported
// with unsupported cues stays presupported with `support_state_conflict`; otherwise pre > supported > unsupported.
import type { Draft } from '../draft';

const UNSUPPORTED_WORDS = new Set(['unsupported', 'no_supports', 'no_support', 'nosupports', 'nosupport', 'clean']);
const PRE_PREFIX = /^(presupported|pre-supported|pre_supported)/u;
const SUPPORTED_PREFIX = /^supported([-_]|$)/u;

export function supportStatePass(d: Draft): void {
  const tokens = d.tokens;
  let pre = d.supportVotes.presupported;
  let sup = false;
  let un = d.supportVotes.unsupported;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // The first letter rules out a prefix pattern cheaply (most tokens).
    const first = t.charCodeAt(0);
    if (first === 0x70 && PRE_PREFIX.test(t)) pre = true;
    else if (t === 'pre' && i + 1 < tokens.length && tokens[i + 1].startsWith('supported')) pre = true;
    else if (first === 0x73 && SUPPORTED_PREFIX.test(t) && !(i > 0 && tokens[i - 1] === 'pre')) sup = true;
    else if (UNSUPPORTED_WORDS.has(t)) un = true;
  }
  // A `supported` the loop counted that is not the second half of `pre supported`.
  if (d.supportVotes.supported && !sup) {
    sup = tokens.some((t, i) => d.cues.supportState.get(t) === 'supported' && !(i > 0 && tokens[i - 1] === 'pre'));
  }
  const f = d.fields;
  if (pre) {
    f.support_state = 'presupported';
    if (un) d.warn('support_state_conflict');
  } else if (sup) {
    f.support_state = 'supported';
    if (un) d.warn('support_state_conflict');
  } else if (un) {
    f.support_state = 'unsupported';
  }
}
