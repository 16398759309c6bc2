// A small real library on disk for the in-host tests: designers → models → supported/unsupported folders, plus a
// folder with more variants than one tree page holds.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeBytes as write } from './test-database';

export const BIG_FOLDER_VARIANTS = 1203;

export interface LibraryFixture {
  dir: string;
  root: string;
  remove(): void;
}

export function makeLibrary(): LibraryFixture {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stlmgr-host-'));
  const root = path.join(dir, 'Miniatures');
  write(path.join(root, 'Artisan Guild', 'Knight Commander', 'supported', 'knight_body.stl'), 2000);
  write(path.join(root, 'Artisan Guild', 'Knight Commander', 'supported', 'knight_sword.stl'), 1000);
  write(path.join(root, 'Artisan Guild', 'Knight Commander', 'unsupported', 'knight_body.stl'), 1500);
  write(path.join(root, 'Artisan Guild', 'Knight Commander', 'preview.png'), 300);
  write(path.join(root, 'Artisan Guild', 'Dragon', 'dragon.stl'), 4000);
  write(path.join(root, 'Artisan Guild', 'Dragon', 'dragon.lys'), 800);
  write(path.join(root, 'Ghamak', 'Ogre Warband', 'ogre.obj'), 700);
  write(path.join(root, 'Ghamak', 'Ogre Warband', 'readme.txt'), 50);
  write(path.join(root, 'Ghamak', 'Notes', 'notes.txt'), 10);
  for (let i = 0; i < BIG_FOLDER_VARIANTS; i++) {
    write(path.join(root, 'Bulk Pack', `Model ${String(i).padStart(4, '0')}`, 'part.stl'), 10);
  }
  return { dir, root, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
