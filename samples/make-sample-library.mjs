// Writes samples/library/: a tiny, deterministic library (a few designers, supported/unsupported folders, a
// slicer project, previews, a real .zip, a folder with no model). Run once; the output is committed.
// Usage: node samples/make-sample-library.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storedZip as zip } from '../scripts/stored-zip.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), 'library');

const stl = (name) => `solid ${name}\n  facet normal 0 0 1\n    outer loop\n      vertex 0 0 0\n      vertex 1 0 0\n      vertex 0 1 0\n    endloop\n  endfacet\nendsolid ${name}\n`;

const files = {
  'README.txt': 'Sample library for STL Manager (npm start). Loose files at the root are not variants.\n',
  'Arcane Forge Miniatures/Dwarf Ranger (32mm)/Supported/dwarf_ranger_supported.stl': stl('dwarf_ranger_supported'),
  'Arcane Forge Miniatures/Dwarf Ranger (32mm)/Unsupported/dwarf_ranger.stl': stl('dwarf_ranger'),
  'Arcane Forge Miniatures/Dwarf Ranger (32mm)/dwarf_ranger.lys': 'lychee project placeholder\n',
  'Arcane Forge Miniatures/Dwarf Ranger (32mm)/preview.jpg': 'jpg placeholder\n',
  'Arcane Forge Miniatures/Goblin Warband/Goblin Archer/goblin_archer.stl': stl('goblin_archer'),
  'Arcane Forge Miniatures/Goblin Warband/Goblin Shaman/goblin_shaman.stl': stl('goblin_shaman'),
  'Arcane Forge Miniatures/Goblin Warband/Goblin Shaman/goblin_shaman.lys': 'lychee project placeholder\n',
  'Arcane Forge Miniatures/Goblin Warband/warband.jpg': 'jpg placeholder\n',
  'Lost Kingdom Studio/Space Captain/captain_body.stl': stl('captain_body'),
  'Lost Kingdom Studio/Space Captain/render.jpg': 'jpg placeholder\n',
  'Lost Kingdom Studio/Space Captain/captain_bits.zip': zip([
    ['bits/captain_head.stl', stl('captain_head')],
    ['bits/captain_sword.stl', stl('captain_sword')],
  ]),
  'Lost Kingdom Studio/Ruined Tower (Terrain)/tower.3mf': '3mf placeholder\n',
  'Lost Kingdom Studio/Ruined Tower (Terrain)/readme.txt': 'Print at 0.05 mm layers.\n',
  'Lost Kingdom Studio/Ruined Tower (Terrain)/unsupported/tower_door.obj': 'o door\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n',
  'Reference Photos/painting_guide.jpg': 'jpg placeholder\n',
  'Reference Photos/notes.txt': 'A folder with no model file: not a variant.\n',
};

rmSync(root, { recursive: true, force: true });
for (const [rel, content] of Object.entries(files)) {
  const p = join(root, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
}
console.log(`wrote ${Object.keys(files).length} files under ${root}`);
