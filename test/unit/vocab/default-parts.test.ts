// The shipped default's parts (vocab/parts/w40k.yaml): enough wargear and bodies, every faction a codex faction,
// aliases that each name one part, and a parts edit that the codex digest notices.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aliasForm } from '../../../src/core/vocab/alias-form';
import { defaultVocabDir } from '../../../src/core/vocab/default-vocab-dir';
import type { Part, Ruleset } from '../../../src/core/vocab/ruleset';
import { VocabSession } from '../../../src/core/vocab/vocab-session';

const partsFile = join(defaultVocabDir(), 'parts', 'w40k.yaml');
const categories = new Set(['weapon_ranged', 'weapon_melee', 'pistol', 'heavy_weapon', 'shield', 'accessory', 'support_system']);
const slots = new Set(['right_hand', 'left_hand', 'both_hands', 'backpack', 'shoulder', 'base', 'mount', 'head', 'torso', 'waist', 'legs']);

describe('vocab: the shipped default parts (Warhammer 40,000)', function () {
  let session: VocabSession;
  let r: Ruleset;
  let parts: Part[];
  const ofType = (t: string) => parts.filter((p) => p.partType === t);

  before(() => {
    session = new VocabSession([defaultVocabDir()]);
    session.loadAll();
    r = session.ruleset;
    parts = [...r.codex.parts.values()].filter((p) => p.system === 'w40k');
  });

  it('has at least 120 wargear and 25 bodies, all from the parts file, with known categories and slots', () => {
    assert.ok(ofType('wargear').length >= 120, `${ofType('wargear').length} wargear`);
    assert.ok(ofType('body').length >= 25, `${ofType('body').length} bodies`);
    for (const p of parts) assert.equal(p.source?.file, partsFile, p.id);
    for (const w of ofType('wargear')) {
      assert.ok(w.category && categories.has(w.category), `${w.id} category ${w.category}`);
      assert.ok(w.slot && slots.has(w.slot), `${w.id} slot ${w.slot}`);
    }
    for (const b of ofType('body')) {
      assert.ok(b.category, `${b.id} has no class`);
      assert.ok(b.slots.length > 0 && b.slots.every((s) => slots.has(s)), `${b.id} slots ${b.slots.join(',')}`);
    }
    const categoriesUsed = new Set(ofType('wargear').map((w) => w.category));
    assert.deepEqual([...categories].filter((c) => !categoriesUsed.has(c)), []);
  });

  it('names only factions of the 40K codex, and only its editions', () => {
    const editions = new Set(r.codex.systems.get('w40k')?.editions);
    for (const p of parts) {
      if (p.partType === 'wargear') assert.ok(p.availableTo.length > 0, `${p.id} has no available_to`);
      for (const f of p.availableTo) assert.ok(r.codex.factions.has(`w40k:${f}`), `${p.id}: unknown faction ${f}`);
      if (p.partType === 'body') assert.ok(p.faction && r.codex.factions.has(p.faction), `${p.id}: faction ${p.faction}`);
      for (const e of p.legalInEditions) assert.ok(editions.has(e), `${p.id}: edition ${e}`);
    }
    const armies = new Set(parts.flatMap((p) => p.availableTo));
    for (const f of ['space_marines', 'astra_militarum', 'orks', 'necrons', 'tyranids', 'aeldari', 'chaos_space_marines', 'adepta_sororitas', 'tau_empire']) {
      assert.ok(ofType('wargear').filter((w) => w.availableTo.includes(f)).length >= 5, `few wargear for ${f}`);
      assert.ok(armies.has(f));
    }
  });

  it('resolves the spellings of folder names to one part each', () => {
    const lookup = (s: string) => r.codex.partsByAlias.get(aliasForm(s));
    assert.deepEqual(lookup('bolt rifle'), ['w40k:bolt_rifle']);
    assert.deepEqual(lookup('Bolt_Rifle'), ['w40k:bolt_rifle']);
    assert.deepEqual(lookup('thunderhammer'), ['w40k:thunder_hammer']);
    assert.deepEqual(lookup('storm shield'), ['w40k:storm_shield']);
    assert.deepEqual(lookup('jumppack'), ['w40k:jump_pack']);
    assert.deepEqual(lookup('grav-gun'), ['w40k:grav_gun']);
    assert.deepEqual(lookup('bolter'), ['w40k:boltgun']);
    assert.deepEqual(lookup('Terminator'), ['w40k:terminator_armour']);
    assert.deepEqual(lookup('primaris'), ['w40k:primaris_marine']);
    assert.deepEqual(lookup('fleshborer'), ['w40k:fleshborer']);
    assert.equal(lookup('heavy bolter rifle'), undefined);
    // Every part answers to its name as snake_case, spaced and glued, and no alias names two parts.
    for (const p of parts) {
      const words = p.name.toLowerCase().replace(/'/g, '').split(/[\s-]+/);
      for (const form of [words.join('_'), words.join(' '), words.join('')]) assert.deepEqual(lookup(form), [p.id], `${p.id}: ${form}`);
    }
    for (const [alias, ids] of r.codex.partsByAlias) if (ids.some((id) => id.startsWith('w40k:'))) assert.equal(ids.length, 1, `${alias}: ${ids.join(', ')}`);
  });

  describe('edits to the parts file (as unsaved text, the file itself untouched)', function () {
    const text = readFileSync(partsFile, 'utf8');
    let edited: VocabSession;

    before(() => {
      edited = new VocabSession([defaultVocabDir()]);
      edited.loadAll();
    });
    afterEach(() => {
      edited.update(partsFile, text);
    });

    it('a changed alias changes the codex digest and no other domain; putting it back restores it', () => {
      const before = edited.ruleset.domainDigests;
      assert.ok(text.includes('"thunderhammer"'));
      edited.update(partsFile, text.replace('"thunderhammer"', '"thunderhamer"'));
      const after = edited.ruleset.domainDigests;
      assert.notEqual(after.codex, before.codex);
      assert.deepEqual({ ...after, codex: '' }, { ...before, codex: '' });
      assert.deepEqual(edited.ruleset.codex.partsByAlias.get('thunderhamer'), ['w40k:thunder_hammer']);
      edited.update(partsFile, text);
      assert.equal(edited.ruleset.domainDigests.codex, before.codex);
    });

    it('the linter would report an unknown faction and an alias shared by two parts', () => {
      assert.deepEqual(edited.allFindings(), []);
      const bad = text
        .replace('available_to: [tau_empire]', 'available_to: [tau_empires]')
        .replace('aliases: ["bolt_rifle", "bolt rifle", "boltrifle"]', 'aliases: ["bolt_rifle", "bolt rifle", "boltrifle", "bolter"]');
      assert.notEqual(bad, text);
      edited.update(partsFile, bad);
      const codes = edited.allFindings().map((f) => `${f.code} ${f.severity}`).sort();
      assert.ok(codes.includes('unknown-reference error'), codes.join('; '));
      assert.equal(codes.filter((c) => c === 'shared-alias info').length, 2, codes.join('; '));
    });
  });
});
