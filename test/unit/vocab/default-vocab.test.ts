// The shipped default vocabulary: lints clean, and covers what the original's vocab names.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultVocabDir } from '../../../src/core/vocab/default-vocab-dir';
import type { Ruleset } from '../../../src/core/vocab/ruleset';
import { VocabSession } from '../../../src/core/vocab/vocab-session';
import { referenceDir, requireReference } from '../../support/reference';

describe('vocab: the shipped default', function () {
  let session: VocabSession;
  let r: Ruleset;

  before(() => {
    session = new VocabSession([defaultVocabDir()]);
    session.loadAll();
    r = session.ruleset;
  });

  it('lints clean: no error, warning or note', () => {
    assert.deepEqual(session.allFindings().map((f) => `${f.file}:${f.range.start.line + 1} ${f.code} ${f.message}`), []);
  });

  it('has every faction of the four systems, with units', () => {
    const factions = (sys: string) => [...r.codex.factions.values()].filter((f) => f.system === sys && f.kind !== 'grand_alliance');
    const unitsOf = (id: string) => [...r.codex.units.values()].filter((u) => u.faction === id).length;
    const expect: Record<string, string[]> = {
      w40k: ['space_marines', 'blood_angels', 'dark_angels', 'space_wolves', 'black_templars', 'grey_knights', 'adepta_sororitas',
        'adeptus_custodes', 'adeptus_mechanicus', 'astra_militarum', 'imperial_knights', 'agents_of_the_imperium', 'chaos_space_marines',
        'death_guard', 'thousand_sons', 'world_eaters', 'emperors_children', 'chaos_daemons', 'chaos_knights', 'aeldari', 'drukhari',
        'genestealer_cults', 'leagues_of_votann', 'necrons', 'orks', 'tau_empire', 'tyranids'],
      aos: ['stormcast_eternals', 'cities_of_sigmar', 'daughters_of_khaine', 'fyreslayers', 'idoneth_deepkin', 'kharadron_overlords',
        'lumineth_realm_lords', 'seraphon', 'sylvaneth', 'blades_of_khorne', 'disciples_of_tzeentch', 'hedonites_of_slaanesh',
        'maggotkin_of_nurgle', 'skaven', 'slaves_to_darkness', 'helsmiths_of_hashut', 'flesh_eater_courts', 'nighthaunt',
        'ossiarch_bonereapers', 'soulblight_gravelords', 'gloomspite_gitz', 'ogor_mawtribes', 'orruk_warclans', 'sons_of_behemat'],
      heresy: ['dark_angels', 'emperors_children', 'iron_warriors', 'white_scars', 'space_wolves', 'imperial_fists', 'night_lords',
        'blood_angels', 'iron_hands', 'world_eaters', 'ultramarines', 'death_guard', 'thousand_sons', 'sons_of_horus', 'word_bearers',
        'salamanders', 'raven_guard', 'alpha_legion', 'solar_auxilia', 'taghmata_mechanicum', 'knight_households'],
      old_world: ['empire_of_man', 'kingdom_of_bretonnia', 'dwarfen_mountain_holds', 'high_elf_realms', 'wood_elf_realms',
        'tomb_kings_of_khemri', 'orc_and_goblin_tribes', 'warriors_of_chaos', 'beastmen_brayherds'],
    };
    for (const [sys, keys] of Object.entries(expect)) {
      const have = new Set(factions(sys).map((f) => f.key));
      for (const k of keys) assert.ok(have.has(k), `${sys}:${k} missing`);
    }
    for (const id of ['w40k:necrons', 'aos:nighthaunt', 'old_world:empire_of_man', 'heresy:solar_auxilia']) assert.ok(unitsOf(id) >= 10, id);
    assert.equal(r.codex.factions.get('w40k:blood_angels')?.parent, 'w40k:space_marines');
    assert.deepEqual(r.codex.factions.get('aos:nighthaunt')?.fullPath, ['death', 'nighthaunt']);
    assert.ok(r.codex.unitsByPhrase.get('intercessors')?.includes('w40k:intercessor_squad'));
    assert.ok(r.codex.unitsByPhrase.get('steam tank')?.includes('old_world:steam_tank'));
  });

  it('has the full token map', () => {
    const t = r.tokens;
    assert.ok(t.version > 11);
    assert.equal(t.segmentation.get('uncut'), 'merged');
    assert.equal(t.supportState.get('pre-supported'), 'presupported');
    assert.equal(t.partPack.get('bitz'), 'accessory');
    assert.ok(t.nsfwStrong.has('nsfw') && t.nsfwWeak.has('lingerie'));
    assert.equal(t.intendedUse.get('showcase'), 'display_large');
    assert.equal(t.scaleRatio.exec('1-6')?.[1], '6');
    assert.equal(t.scaleMm.exec('32mm')?.[1], '32');
    assert.ok(t.patterns.get('version')?.test('v2'));
    assert.deepEqual(t.factionHints.get('stormcast'), ['aos:stormcast_eternals']);
    assert.equal(r.lineages.familyByToken.get('elves'), 'elf');
    assert.ok(t.stopwords.has('stl') && t.tabletopHints.has('squad') && t.ambiguousAliases.has('knight'));
    assert.ok(t.kitChildWords.has('shoulder pads'));
    assert.ok(r.glossary.byLocale.get('es')?.get('brazo izquierdo'));
  });

  describe('covers the original vocab', function () {
    const ref = join(referenceDir, 'vocab');
    before(function () {
      requireReference(this, ref);
    });

    it('every designer of the designers map and of the collections', () => {
      const designers = Object.keys(JSON.parse(readFileSync(join(ref, 'designers_tokenmap.json'), 'utf8')).designers as object);
      const fromCollections = readdirSync(join(ref, 'collections')).map((f) => f.replace(/\.yaml$/, ''));
      for (const d of [...designers, ...fromCollections]) assert.ok(r.designers.byKey.has(d), d);
      assert.ok(r.designers.byKey.get('moxomor')?.neverAssign);
      assert.deepEqual(r.designers.byAlias.get('ghmk'), ['ghamak']);
    });

    it('every franchise with its characters', () => {
      let characters = 0;
      for (const f of readdirSync(join(ref, 'franchises'))) {
        const m = JSON.parse(readFileSync(join(ref, 'franchises', f), 'utf8')) as { franchise: string; characters?: { canonical?: string }[] };
        const ours = r.franchises.byKey.get(m.franchise);
        assert.ok(ours, m.franchise);
        const keys = new Set(ours.characters.map((c) => c.key));
        for (const c of m.characters ?? []) if (c.canonical && c.canonical.length > 2) assert.ok(keys.has(c.canonical), `${m.franchise}/${c.canonical}`);
        characters += ours.characters.length;
      }
      assert.ok(characters >= 600, `${characters} characters`);
      assert.equal(r.franchises.charactersByAlias.get('ryuko')?.[0]?.character, 'ryuko_matoi');
    });
  });
});
