// Writes samples/library/: a tiny, deterministic library (a few designers, supported/unsupported folders, a
// slicer project, previews, a real .zip, a folder with no model). Run once; the output is committed.
// Usage: node samples/make-sample-library.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), 'library');

const stl = (name) => `solid ${name}\n  facet normal 0 0 1\n    outer loop\n      vertex 0 0 0\n      vertex 1 0 0\n      vertex 0 1 0\n    endloop\n  endfacet\nendsolid ${name}\n`;

/** A stored (uncompressed) zip with fixed DOS timestamps, so the bytes never change. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const n = Buffer.from(name);
    const data = Buffer.from(text);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x6000, 10); // 12:00:00
    local.writeUInt16LE(0x5b79, 12); // 2025-11-25
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x6000, 12);
    central.writeUInt16LE(0x5b79, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += local.length + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

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
