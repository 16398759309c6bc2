import assert from 'node:assert/strict';
import { compilePattern } from '../../../src/core/vocab/pattern';

describe('vocab regexes: JavaScript form and Python conversion', () => {
  it('compiles a plain JavaScript pattern and the /…/flags form', () => {
    assert.deepEqual(compilePattern('^(\\d{1,2})[._ -]').regex, /^(\d{1,2})[._ -]/);
    assert.deepEqual(compilePattern('/frost[-_ ]giants/i').regex, /frost[-_ ]giants/i);
    assert.equal(compilePattern('/x/i').python, undefined);
  });

  it("converts Python's leading (?i) to the i flag and says why", () => {
    const c = compilePattern('(?i)guardians[-_ ]of');
    assert.deepEqual(c.regex, /guardians[-_ ]of/i);
    assert.equal(c.python?.jsForm, '/guardians[-_ ]of/i');
    assert.match(c.python!.reasons[0]!, /inline flag `\(\?i\)`/);
  });

  it('converts named groups, back-references and \\A \\Z', () => {
    const c = compilePattern('\\A(?P<n>\\d+)-(?P=n)\\Z');
    assert.equal(c.python?.jsForm, '/^(?<n>\\d+)-\\k<n>$/');
    assert.ok(c.regex?.test('12-12'));
    assert.equal(c.python?.reasons.length, 3);
  });

  it('keeps look-behind, which JavaScript supports', () => {
    const c = compilePattern('(?<!mm)[ _-](\\d{1,2})[ _-]');
    assert.ok(c.regex);
    assert.equal(c.python, undefined);
  });

  it('refuses what JavaScript cannot compile, with its reason', () => {
    assert.match(compilePattern('(unclosed').error!, /Unterminated group/);
    assert.match(compilePattern('(?x)a b').error!, /no JavaScript equivalent/);
    assert.match(compilePattern('a(?i)b').error!, /middle of a pattern/);
  });
});
