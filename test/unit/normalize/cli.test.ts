// The two CLI commands: normalize-paths as a real process (stdin → JSON lines), normalize in-process on a real
// database file built by a real scan.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runCli } from '../../../src/cli/program';

/** A small vocabulary of our own in the original's formats (loading the whole reference vocab costs seconds). */
function writeVocab(dir: string): string {
  const vocab = join(dir, 'vocab');
  mkdirSync(join(vocab, 'franchises'), { recursive: true });
  const designers = {
    designers_map_version: 2,
    designers: {
      azerama: { aliases: ['azerama'], intended_use_bucket: 'display_large' },
      dm_stash: { aliases: ['dm_stash', 'dm stash', 'dmstash'], intended_use_bucket: 'tabletop_intent' },
      ca3d: { aliases: ['ca3d', 'ca 3d studios'], intended_use_bucket: 'display_large' },
    },
  };
  writeFileSync(join(vocab, 'designers_tokenmap.json'), JSON.stringify(designers));
  const franchise = {
    franchise: 'avatar_the_last_airbender',
    display_name: 'Avatar',
    aliases: ['avatar_the_last_airbender'],
    characters: [{ canonical: 'toph', aliases: ['toph', 'toph_beifong'] }],
    tokens: { strong_signals: ['toph'], weak_signals: [], stop_conflicts: [] },
  };
  writeFileSync(join(vocab, 'franchises', 'avatar_the_last_airbender.json'), JSON.stringify(franchise));
  return vocab;
}

const FIELD_KEYS = [
  'designer', 'franchise', 'character_name', 'game_system', 'codex_faction', 'codex_unit_name', 'support_state',
  'segmentation', 'internal_volume', 'part_pack_type', 'scale_ratio_den', 'height_mm', 'content_flag', 'asset_category',
  'intended_use_bucket', 'collection_id',
];

describe('normalize: CLI', function () {
  let dir: string;
  let vocab: string;
  before(function () {
    dir = mkdtempSync(join(tmpdir(), 'stlmgr-normcli-'));
    vocab = writeVocab(dir);
  });
  after(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it('normalize-paths prints one JSON object per stdin line, in order, every field key present', function () {
    const input = [
      'Azerama - Adult Toph\\SFW\\Toph_UncutVersion_Azerama\\toph.stl',
      '(DM Stash) 2021-09 - Guardians of the Fey.7z/Unsupported/Lazlus - Unsupported/Unsupported/75mm/lazlus.stl',
      'Ca 3d Studios - Nami/1-6scale Nami CA3D Pre Supported',
      '',
      '瑟瑟妹子/分件/a.stl',
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(__dirname, '../../../src/cli/main.ts'), 'normalize-paths', '--vocab', vocab, '--json'], {
      input,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { path: string; fields: Record<string, unknown>; residual_tokens: string[]; warnings: string[] });
    assert.deepEqual(lines.map((l) => l.path), input.split('\n'));
    for (const l of lines) assert.deepEqual(Object.keys(l.fields), FIELD_KEYS);
    assert.deepEqual(
      [lines[0].fields.designer, lines[0].fields.segmentation, lines[0].fields.character_name, lines[0].fields.franchise],
      ['azerama', 'merged', 'toph', 'avatar_the_last_airbender'],
    );
    assert.deepEqual([lines[1].fields.designer, lines[1].fields.support_state, lines[1].fields.height_mm], ['dm_stash', 'unsupported', 75]);
    assert.deepEqual([lines[2].fields.scale_ratio_den, lines[2].fields.support_state], [6, 'presupported']);
    assert.equal(lines[3].fields.designer, null);
    assert.deepEqual(lines[3].residual_tokens, []);
    assert.equal(lines[4].fields.content_flag, 'nsfw');
    assert.ok(lines[4].warnings.includes('nsfw_weak_confidence'));
  });

  it('normalize fills a scanned database, then skips everything on a second run', async function () {
    const lib = join(dir, 'lib');
    for (const f of ['Azerama - Adult Toph/SFW/Toph_CutVersion/toph.stl', 'Elves/Archers 1-10 scale/a.stl']) {
      mkdirSync(dirname(join(lib, f)), { recursive: true });
      writeFileSync(join(lib, f), 'x');
    }
    const db = join(dir, 'lib.db');
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      assert.equal(await runCli(['scan', lib, '--db', db]), 0);
      out.length = 0;
      assert.equal(await runCli(['normalize', '--db', db, '--vocab', vocab, '--json']), 0);
      const first = JSON.parse(out.join('')) as { variants: number; normalized: number };
      out.length = 0;
      assert.equal(await runCli(['normalize', '--db', db, '--vocab', vocab, '--json']), 0);
      const second = JSON.parse(out.join('')) as { normalized: number; skipped: number };
      assert.deepEqual([first.variants, first.normalized, second.normalized, second.skipped], [2, 2, 0, 2]);
    } finally {
      process.stdout.write = write;
    }
  });
});
