// The linter on the original's real vocab folder: the known findings of DATA.md, at their lines.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Finding } from '../../../src/core/vocab/finding';
import { VocabSession } from '../../../src/core/vocab/vocab-session';
import { referenceDir, requireReference } from '../../support/reference';

const vocabDir = join(referenceDir, 'vocab');

describe('vocab lint: the original vocab folder', function () {
  let session: VocabSession;
  let all: Finding[];
  const inFile = (name: string, code: Finding['code']) => all.filter((f) => f.file.endsWith(`/${name}`) && f.code === code);
  /** key → sorted 1-based lines of its duplicate-key findings. */
  const dupKeys = (name: string) => {
    const out = new Map<string, number[]>();
    for (const f of inFile(name, 'duplicate-key')) {
      const key = /Duplicate key '([^']+)'/.exec(f.message)![1]!;
      out.set(key, [...(out.get(key) ?? []), f.range.start.line + 1].sort((a, b) => a - b));
    }
    return out;
  };

  before(function () {
    requireReference(this, vocabDir);
    session = new VocabSession([vocabDir]);
    session.loadAll();
    all = session.allFindings();
  });

  it('reports the 3 duplicate keys of the 40K codex in both places', () => {
    assert.deepEqual(
      dupKeys('codex_units_w40k.yaml'),
      new Map([['ezekiel', [1160, 1181]], ['asmodai', [1167, 1188]], ['typhus', [3240, 5427]]]),
    );
    const second = inFile('codex_units_w40k.yaml', 'duplicate-key').find((f) => f.range.start.line + 1 === 1181)!;
    assert.equal(second.severity, 'error');
    assert.equal(second.related?.[0]?.range.start.line, 1159);
  });

  it('reports the 2 duplicate keys of the AoS codex (a unit, and available_to twice in one mapping)', () => {
    assert.deepEqual(dupKeys('codex_units_aos.yaml'), new Map([['frostlord_on_thundertusk', [6809, 6816]], ['available_to', [7053, 7055]]]));
  });

  it('reports the 14 duplicate unit keys of the Horus Heresy codex', () => {
    const keys = dupKeys('codex_units_horus_heresy.yaml');
    assert.equal(keys.size, 14);
    for (const k of ['legion_command_squad', 'legion_veteran_tactical_squad', 'spartan_assault_tank', 'land_raider_proteus']) assert.ok(keys.has(k), k);
    assert.deepEqual(keys.get('legion_command_squad'), [291, 1299]);
  });

  it('reports the 33 aliases shared by several 40K units, as information', () => {
    const shared = inFile('codex_units_w40k.yaml', 'shared-alias');
    assert.ok(shared.every((f) => f.severity === 'info'));
    const aliases = new Set(shared.map((f) => /alias '([^']+)'/.exec(f.message)![1]!.toLowerCase()));
    assert.equal(aliases.size, 33);
    for (const a of ['land_raider', 'crusader', 'rhino', 'ranger', 'warrior']) assert.ok(aliases.has(a), a);
    const landRaider = shared.filter((f) => /alias 'land_raider'/.test(f.message));
    assert.equal(landRaider.length, 3, 'land_raider on 3 units, one finding at each');
    assert.equal(landRaider[0]!.related?.length, 2);
  });

  it('reports the designer alias listed twice, with a fix that removes it', () => {
    const dup = inFile('designers_tokenmap.json', 'duplicate-alias');
    assert.equal(dup.length, 1);
    assert.match(dup[0]!.message, /'anyonensfw'.*'AnyoneNSFW'/);
    assert.equal(dup[0]!.range.start.line + 1, 130);
    assert.ok(dup[0]!.fix);
    assert.equal(inFile('designers_tokenmap.json', 'shared-alias').length, 0, 'no alias shared by two designers in the JSON map');
  });

  it('flags the Python regex flags in collections, with the JavaScript form as the fix', () => {
    const py = inFile('dm_stash.yaml', 'regex-python');
    assert.equal(py.length, 1);
    assert.equal(py[0]!.severity, 'warning');
    assert.match(py[0]!.message, /\(\?i\)/);
    assert.equal(py[0]!.fix?.edits[0]?.newText, JSON.stringify('/guardians[-_ ]of[-_ ]the[-_ ]fey/i'));
    assert.equal(all.filter((f) => f.code === 'regex-invalid').length, 0, 'the look-behinds compile in JavaScript');
  });

  it('finds the tokenmap entries whose section header is missing', () => {
    const orphans = inFile('tokenmap.md', 'schema');
    assert.equal(orphans.length, 1);
    assert.match(orphans[0]!.message, /45 entries \(first: 'death_guard'\)/);
    assert.equal(orphans[0]!.range.start.line + 1, 47);
  });

  it('reports token-map faction hints that name no codex faction (the AoS typo among them)', () => {
    const refs = inFile('tokenmap.md', 'unknown-reference');
    assert.deepEqual(refs.map((f) => [f.range.start.line + 1, /'([^']+)'/.exec(f.message)![1]]), [
      [88, 'headonites_of_slaanesh'], [96, 'kruleboyz'], [97, 'ironjawz'], [98, 'bonesplitterz'],
    ]);
  });

  it('reports references to legions the Heresy codex does not declare', () => {
    const refs = inFile('codex_units_horus_heresy.yaml', 'unknown-reference');
    assert.ok(refs.some((f) => /'space_wolves' in 'legiones_astartes\/space_wolves'/.test(f.message)));
    assert.ok(refs.every((f) => f.severity === 'error'));
  });

  it('reports repeated character aliases in characters_tokenmap.md', () => {
    const dup = inFile('characters_tokenmap.md', 'duplicate-alias');
    assert.deepEqual(dup.map((f) => f.range.start.line + 1), [10, 14]);
  });

  it('still loads everything: a ruleset with every designer, franchise and unit', () => {
    const r = session.ruleset;
    assert.equal(r.designers.byKey.size, 139);
    assert.equal(r.franchises.byKey.size, 215);
    const units = (sys: string) => [...r.codex.units.values()].filter((u) => u.system === sys).length;
    assert.equal(units('w40k'), 758);
    assert.equal(units('heresy'), 484);
    assert.equal(units('aos'), 708 + 36 + 7 + 7 + 22 + 7);
    assert.equal([...r.collections.values()].flat().length, 126);
    assert.equal(r.lineages.families.size, 87);
    assert.equal(r.lineages.rows.length, 87 + 123);
    assert.equal(r.tokens.version, 11);
    assert.deepEqual(r.designers.byAlias.get('ghmk'), ['ghamak']);
    assert.equal(r.designers.byKey.get('ghamak')?.intendedUse, 'tabletop_intent');
    assert.deepEqual(r.franchises.charactersByAlias.get('lilith')?.at(-1)?.franchise, 'monster_musume');
    assert.ok(r.codex.unitsByPhrase.get('intercessor squad')?.includes('w40k:intercessor_squad'));
    assert.equal(r.codex.factions.get('aos:stormcast_eternals')?.fullPath.join('/'), 'order/stormcast_eternals');
    const guardians = r.collections.get('dm_stash')?.find((c) => c.id === 'dm_stash__2021_09_guardians_of_the_fey');
    assert.ok(guardians?.pathPatterns[0]?.test('sample_store/DM Stash/Guardians OF the Fey.7z'));
  });
});
