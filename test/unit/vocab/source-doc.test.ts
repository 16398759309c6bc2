import assert from 'node:assert/strict';
import { parseMarkdownMap } from '../../../src/core/vocab/markdown-map';
import { parseYamlSource } from '../../../src/core/vocab/source-doc';
import { applyEdits } from '../../../src/core/vocab/text-edits';
import { readVocabFile } from '../../../src/core/vocab/vocab-file';

describe('vocab sources: values and ranges', () => {
  it('maps a value path back to its YAML node, 0-based', () => {
    const doc = parseYamlSource('f.yaml', 'a:\n  b: [x, "y"]\n  c:\n    - z\n');
    assert.deepEqual(doc.value, { a: { b: ['x', 'y'], c: ['z'] } });
    assert.deepEqual(doc.rangeAt(['a', 'b', 1]), { start: { line: 1, character: 9 }, end: { line: 1, character: 12 } });
    assert.deepEqual(doc.keyRangeAt(['a', 'c']).start, { line: 2, character: 2 });
    assert.deepEqual(doc.rangeAt(['a', 'missing', 3]).start, { line: 1, character: 2 }, 'deepest existing ancestor');
  });

  it('lets the later duplicate key win and reports both places', () => {
    const doc = parseYamlSource('f.yaml', 'k: 1\nj: 0\nk: 2\n');
    assert.deepEqual(doc.value, { k: 2, j: 0 });
    const lines = doc.findings.filter((f) => f.code === 'duplicate-key').map((f) => [f.range.start.line, f.related?.[0]?.range.start.line]);
    assert.deepEqual(lines, [[0, 2], [2, 0]]);
  });

  it('offers to remove the earlier of two duplicate block keys, value lines included', () => {
    const text = 'a:\n  x: 1\n  y: [1,\n    2]\nb: 2\na: 3\n';
    const doc = parseYamlSource('f.yaml', text);
    const fix = doc.findings.find((f) => f.fix)!.fix!;
    assert.equal(applyEdits(text, fix.edits), 'b: 2\na: 3\n');
  });

  it('resolves anchors and merge keys', () => {
    const doc = parseYamlSource('f.yaml', 'base: &b {x: 1}\nuse: *b\nmerged:\n  <<: *b\n  y: 2\n');
    assert.deepEqual(doc.value, { base: { x: 1 }, use: { x: 1 }, merged: { x: 1, y: 2 } });
  });

  it('reports a syntax error at its place', () => {
    const doc = parseYamlSource('f.yaml', 'a: [1, 2\nb: 3\n');
    assert.ok(doc.findings.some((f) => f.code === 'syntax'));
  });

  it('reads a JSON designers map and puts a schema error at the offending value', () => {
    const f = readVocabFile('/v/designers_tokenmap.json', 'designers_tokenmap.json', 0, '{\n  "designers": {\n    "a": { "aliases": "oops" }\n  }\n}\n');
    assert.equal(f.parsed, undefined);
    const schema = f.findings.find((x) => x.code === 'schema')!;
    assert.equal(schema.range.start.line, 2);
    assert.match(schema.message, /designers\.a/);
  });

  it('reads the Markdown maps by section, with ranges, and reports lines outside any section', () => {
    const text = '# Map\n\n```\nnsfw_cues:\n\tstrong: ["nude", "lewd"]  # comment\n```\n\n\t\torphan: ["x"]\n';
    const doc = parseMarkdownMap('tokenmap.md', text);
    assert.deepEqual(doc.value, { nsfw_cues: { strong: ['nude', 'lewd'] } });
    assert.deepEqual(doc.rangeAt(['nsfw_cues', 'strong', 1]), { start: { line: 4, character: 18 }, end: { line: 4, character: 24 } });
    assert.equal(doc.findings[0]?.range.start.line, 7);
  });
});
