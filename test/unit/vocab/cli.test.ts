// `stlmgr vocab check` in-process: output, JSON, exit codes, --fix.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/program';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    const code = await runCli(args);
    return { code, out, err };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

describe('stlmgr vocab check', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'stlmgr-vocab-cli-'));
    mkdirSync(join(dir, 'collections'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints file:line:col findings and exits 1 on errors', async () => {
    writeFileSync(join(dir, 'designers.yaml'), 'designers:\n  a:\n    aliases: [acme]\n  b:\n    aliases: [acme]\n');
    const r = await run(['vocab', 'check', dir]);
    assert.equal(r.code, 1);
    assert.match(r.out, /designers\.yaml:3:15: error shared-alias: The alias 'acme' of designer 'a' is also an alias of 'b'/);
    assert.match(r.out, /1 files, 2 errors, 0 warnings/);
    assert.match(r.err, /2 errors in the vocabulary/);
  });

  it('prints JSON with 1-based positions and the digest; exit 0 without errors', async () => {
    writeFileSync(join(dir, 'collections', 'a.yaml'), 'designer_key: a\ncollections:\n  - id: a__x\n    name: X\n    match: { path_patterns: ["(?i)x"] }\n');
    const r = await run(['vocab', 'check', dir, '--json']);
    assert.equal(r.code, 0);
    const j = JSON.parse(r.out) as { counts: { warning: number }; digest: string; findings: { code: string; start: { line: number } }[] };
    assert.equal(j.counts.warning, 1);
    assert.equal(j.findings[0]?.code, 'regex-python');
    assert.equal(j.findings[0]?.start.line, 5);
    assert.match(j.digest, /^[0-9a-f]{64}$/);
  });

  it('--fix applies the mechanical fixes', async () => {
    const p = join(dir, 'collections', 'a.yaml');
    writeFileSync(p, 'designer_key: a\ncollections:\n  - id: a__x\n    name: X\n    aliases: [X, x]\n    match: { path_patterns: ["(?i)x"] }\n');
    const r = await run(['vocab', 'check', dir, '--fix']);
    assert.equal(r.code, 0);
    assert.match(r.out, /0 errors, 0 warnings/);
    assert.equal(readFileSync(p, 'utf8'), 'designer_key: a\ncollections:\n  - id: a__x\n    name: X\n    aliases: [X]\n    match: { path_patterns: ["/x/i"] }\n');
  });

  it('checks the shipped vocabulary without arguments, and exits 3 for a missing folder', async () => {
    const r = await run(['vocab', 'check', '--no-info']);
    assert.equal(r.code, 0, r.out);
    assert.equal((await run(['vocab', 'check', join(dir, 'nope')])).code, 3);
  });
});
