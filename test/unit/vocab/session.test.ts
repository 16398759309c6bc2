// Layers, last good versions, per-file re-lint, quick fixes and the digest, on real folders in a temp dir.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { applyEdits } from '../../../src/core/vocab/text-edits';
import { VocabSession } from '../../../src/core/vocab/vocab-session';

const designers = (extra = '') => `version: 1
designers:
  acme_forge:
    name: Acme Forge
    aliases: [acme_forge, "acme forge", acmeforge]
    intended_use_bucket: tabletop_intent
  bolt_works:
    aliases: [bolt_works, boltworks]
${extra}`;

const collections = `designer_key: acme_forge
collections:
  - id: acme_forge__2024_03_frost_giants
    name: Frost Giants
    cycle: "2024-03"
    aliases: [Frost Giants]
    match:
      path_patterns: ["(?i)frost[-_ ]giants"]
`;

describe('vocab session: layers, edits, fixes, digest', () => {
  let root: string;
  const write = (rel: string, text: string) => {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    return p;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'stlmgr-vocab-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('later layers override earlier ones by key, and add new keys', () => {
    write('default/designers.yaml', designers());
    write('user/designers.yaml', 'designers:\n  acme_forge:\n    aliases: [acme, acme_forge]\n    intended_use_bucket: display_large\n  new_one:\n    aliases: [new_one]\n');
    const s = new VocabSession([join(root, 'default'), join(root, 'user')]);
    s.loadAll();
    const r = s.ruleset;
    assert.equal(r.designers.byKey.get('acme_forge')?.intendedUse, 'display_large');
    assert.deepEqual(r.designers.byAlias.get('acme'), ['acme_forge']);
    assert.equal(r.designers.byAlias.get('acmeforge'), undefined, 'the overriding entry replaces the aliases');
    assert.ok(r.designers.byKey.has('bolt_works') && r.designers.byKey.has('new_one'));
    assert.deepEqual(s.allFindings(), [], 'an override is not a shared alias');
  });

  it('errors when two designers share an alias, at both places', () => {
    write('default/designers.yaml', designers('  copycat:\n    aliases: [copycat, acmeforge]\n'));
    const s = new VocabSession([join(root, 'default')]);
    s.loadAll();
    const shared = s.allFindings().filter((f) => f.code === 'shared-alias');
    assert.deepEqual(shared.map((f) => [f.severity, f.range.start.line]), [['error', 4], ['error', 9]]);
  });

  it('reports a key that is another entry\'s alias (the key matches as an alias too): designers error, parts info', () => {
    // `acme` is a key with an alias list that does not repeat it; `acme_studio` claims "acme" as an alias
    write('default/designers.yaml', designers('  acme:\n    aliases: ["acme miniatures"]\n  acme_studio:\n    aliases: [acme_studio, acme]\n'));
    write('default/parts/w40k.yaml', 'system: w40k\nwargear:\n  bolter:\n    aliases: ["bolter gun"]\n  boltgun:\n    aliases: [boltgun, bolter]\n');
    const s = new VocabSession([join(root, 'default')]);
    s.loadAll();
    const shared = s.allFindings().filter((f) => f.code === 'shared-alias');
    const designer = shared.filter((f) => f.file.endsWith('designers.yaml'));
    assert.deepEqual(designer.map((f) => [f.severity, f.range.start.line]).sort((a, b) => Number(a[1]) - Number(b[1])), [['error', 8], ['error', 11]]);
    assert.ok(designer.some((f) => f.message === "The designer key 'acme' is also an alias of 'acme_studio'"), designer.map((f) => f.message).join('\n'));
    assert.ok(designer.some((f) => f.message === "The alias 'acme' of designer 'acme_studio' is also an alias of 'acme' (its key)"));
    const parts = shared.filter((f) => f.file.endsWith('w40k.yaml'));
    assert.deepEqual(parts.map((f) => f.severity), ['info', 'info']);
    assert.deepEqual(s.ruleset.codex.partsByAlias.get('bolter'), ['w40k:bolter', 'w40k:boltgun'], 'the ambiguity the findings point at');
  });

  it('skips a broken file, keeps the rest, and keeps the last good version during an edit', () => {
    const p = write('default/designers.yaml', designers());
    write('default/collections/acme_forge.yaml', collections);
    write('default/lineages.yaml', 'families: [oops');
    const s = new VocabSession([join(root, 'default')]);
    s.loadAll();
    assert.ok(s.findings().get(join(root, 'default/lineages.yaml'))?.some((f) => f.code === 'syntax'));
    assert.equal(s.ruleset.collections.get('acme_forge')?.length, 1);
    const digest = s.ruleset.digest;

    s.update(p, 'designers:\n  acme_forge: [unclosed\n');
    assert.ok(s.findings().get(p)?.some((f) => f.code === 'syntax'));
    assert.ok(s.ruleset.designers.byKey.has('bolt_works'), 'last good version still in the ruleset');
    assert.equal(s.ruleset.digest, digest);
  });

  it('re-reads only the edited file', () => {
    const p = write('default/designers.yaml', designers());
    const c = write('default/collections/acme_forge.yaml', collections);
    const s = new VocabSession([join(root, 'default')]);
    s.loadAll();
    const before = s.vocabFiles().find((f) => f.path === c);
    s.update(p, designers('  extra:\n    aliases: [extra_one]\n'));
    assert.equal(s.vocabFiles().find((f) => f.path === c), before, 'the other file object is untouched');
    assert.ok(s.ruleset.designers.byKey.has('extra'));
  });

  it('fixes a duplicate alias and a Python regex flag; the findings clear', () => {
    const p = write('default/designers.yaml', designers().replace('[bolt_works, boltworks]', '[bolt_works, boltworks, BoltWorks]'));
    const c = write('default/collections/acme_forge.yaml', collections);
    const s = new VocabSession([join(root, 'default')]);
    s.loadAll();
    for (const path of [p, c]) {
      const findings = s.findings().get(path) ?? [];
      assert.equal(findings.length, 1, JSON.stringify(findings));
      const fixed = applyEdits(readFileSync(path, 'utf8'), findings[0]!.fix!.edits);
      writeFileSync(path, fixed);
      s.update(path);
      assert.deepEqual(s.findings().get(path), []);
    }
    assert.match(readFileSync(p, 'utf8'), /aliases: \[bolt_works, boltworks\]\n/);
    assert.match(readFileSync(c, 'utf8'), /path_patterns: \["\/frost\[-_ \]giants\/i"\]/);
    assert.ok(s.ruleset.collections.get('acme_forge')?.[0]?.pathPatterns[0]?.test('x/Frost Giants/y'));
  });

  it('removes a duplicate item in a block list by its whole line', () => {
    const p = write('default/designers.yaml', 'designers:\n  a:\n    aliases:\n      - a\n      - b\n      - A\n');
    const s = new VocabSession([join(root, 'default')]);
    s.loadAll();
    const fix = s.findings().get(p)!.find((f) => f.code === 'duplicate-alias')!.fix!;
    assert.equal(applyEdits(readFileSync(p, 'utf8'), fix.edits), 'designers:\n  a:\n    aliases:\n      - a\n      - b\n');
  });

  it('has a digest independent of order and formatting, sensitive to content, per domain', () => {
    write('a/designers.yaml', designers());
    write('a/collections/acme_forge.yaml', collections);
    write('b/designers.yaml', `# reordered and reformatted
designers:
  bolt_works: { aliases: [boltworks, bolt_works] }
  acme_forge: { intended_use_bucket: tabletop_intent, aliases: [acmeforge, "acme forge", acme_forge], name: "Acme Forge" }
`);
    write('b/collections/acme_forge.yaml', collections);
    const load = (d: string) => {
      const s = new VocabSession([join(root, d)]);
      s.loadAll();
      return s.ruleset;
    };
    const a = load('a');
    const b = load('b');
    assert.match(a.digest, /^[0-9a-f]{64}$/);
    assert.equal(a.digest, b.digest);
    write('b/designers.yaml', designers().replace('boltworks', 'bolt-works'));
    const c = load('b');
    assert.notEqual(c.digest, a.digest);
    assert.notEqual(c.domainDigests.designers, a.domainDigests.designers);
    assert.equal(c.domainDigests.collections, a.domainDigests.collections);
    assert.equal(c.domainDigests.codex, a.domainDigests.codex);
  });

  it('reports references that cross files: parts to factions and systems, collections to designers', () => {
    write('v/codex/w40k.yaml', 'system: w40k\nname: W\nfactions:\n  necrons: { name: Necrons, units: { warriors: Necron Warriors } }\n');
    write('v/parts/a.yaml', 'system: w40k\nwargear:\n  gauss_flayer: { aliases: [gauss flayer], available_to: [necrons, orks] }\n');
    write('v/parts/b.yaml', 'system: w41k\nwargear:\n  x: { aliases: [xx_part] }\n');
    write('v/designers.yaml', designers());
    write('v/collections/nobody.yaml', collections.replace('designer_key: acme_forge', 'designer_key: nobody').replace('(?i)frost', 'frost'));
    const s = new VocabSession([join(root, 'v')]);
    s.loadAll();
    const refs = s.allFindings().filter((f) => f.code === 'unknown-reference').map((f) => `${f.file.split('/').pop()}:${f.range.start.line} ${f.message}`);
    assert.deepEqual(refs.sort(), [
      "a.yaml:2 Unknown faction of w40k 'orks'",
      "b.yaml:0 Unknown game system 'w41k' (known: w40k)",
      "nobody.yaml:0 Unknown designer 'nobody': no designers file defines it, so these collections never match",
    ]);
  });

  it('an edit rebuilds only the domains its file feeds, to the same ruleset and findings as a full load', () => {
    const d = write('v/designers.yaml', designers());
    write('v/collections/acme_forge.yaml', collections);
    const fr = write('v/franchises/sky.yaml', 'franchise: sky\naliases: [sky_pirates]\ncharacters:\n  - { canonical: vela, aliases: [vela_v] }\n');
    write('v/franchises/sea.yaml', 'franchise: sea\naliases: [sea_pirates]\n');
    write('v/tokenmap.yaml', 'stopwords: [the]\nlineage: { elf: [elves] }\n');
    const s = new VocabSession([join(root, 'v')]);
    s.loadAll();
    const before = s.ruleset;
    const edited = 'franchise: sky\naliases: [sky_pirates, sea_pirates]\ncharacters:\n  - { canonical: vela, aliases: [vela_v, captain_vela] }\n';
    writeFileSync(fr, edited);
    s.update(fr);
    const after = s.ruleset;
    assert.equal(after.designers, before.designers, 'designers reused as they were');
    assert.equal(after.domainDigests.codex, before.domainDigests.codex);
    assert.notEqual(after.domainDigests.franchises, before.domainDigests.franchises);
    writeFileSync(d, designers('  copycat:\n    aliases: [acmeforge]\n'));
    s.update(d);
    const fresh = new VocabSession([join(root, 'v')]);
    fresh.loadAll();
    assert.deepEqual(s.ruleset.domainDigests, fresh.ruleset.domainDigests);
    assert.equal(s.ruleset.digest, fresh.ruleset.digest);
    assert.deepEqual(s.ruleset.franchises.charactersByAlias.get('captain_vela'), [{ franchise: 'sky', character: 'vela' }]);
    const summary = (x: VocabSession) => x.allFindings().map((f) => `${f.file}:${f.range.start.line}:${f.code}`).sort();
    assert.deepEqual(summary(s), summary(fresh));
    assert.equal(summary(s).filter((f) => f.endsWith('shared-alias')).length, 4, 'sea_pirates on two franchises, acmeforge on two designers');
  });

  it("reads the original's Markdown designers map when no JSON map is beside it", () => {
    write('o/designers_tokenmap.md', '# designers_map_version: 1\n\n```\ndesigners:\n\tghamak: ["ghamak", "ghmk"]\n\tazerama: ["azerama"]\n```\n');
    const s = new VocabSession([join(root, 'o')]);
    s.loadAll();
    assert.deepEqual(s.ruleset.designers.byAlias.get('ghmk'), ['ghamak']);
    assert.equal(s.ruleset.designers.byKey.get('ghamak')?.source?.line, 5);
    write('o/designers_tokenmap.json', '{"designers": {"ghamak": {"aliases": ["ghamak"]}}}');
    const t = new VocabSession([join(root, 'o')]);
    t.loadAll();
    assert.equal(t.ruleset.designers.byAlias.get('ghmk'), undefined, 'the JSON map takes precedence');
    assert.ok(t.allFindings().some((f) => f.file.endsWith('.md') && /Not loaded/.test(f.message)));
  });
});
