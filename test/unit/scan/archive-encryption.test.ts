import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceDir, requireReference } from '../../support/reference';
import { hasEncryptedHeaders } from '../../../src/core/scan/archive-encryption';
import { makeArchive } from './archive-maker';
import { makeTempDir, removeTree } from './temp-tree';

describe('scan: encrypted-header sniffing (used when 7-Zip aborts)', () => {
  let dir: string | undefined;
  before(() => (dir = makeTempDir()));
  after(() => removeTree(dir));

  it('7z: true with -mhe=on, false for plain and content-only encryption', async () => {
    await makeArchive(join(dir!, 'names.7z'), '7z', { 'a.stl': 'x' }, ['-psecret', '-mhe=on']);
    await makeArchive(join(dir!, 'content.7z'), '7z', { 'a.stl': 'x' }, ['-psecret']);
    await makeArchive(join(dir!, 'plain.7z'), '7z', { 'a.stl': 'x' });
    assert.equal(await hasEncryptedHeaders(join(dir!, 'names.7z')), true);
    assert.equal(await hasEncryptedHeaders(join(dir!, 'content.7z')), false);
    assert.equal(await hasEncryptedHeaders(join(dir!, 'plain.7z')), false);
  });

  it('RAR5: false for the real fixtures, true for an archive-encryption header (type 4)', async function () {
    const real = join(referenceDir, 'fixtures/archives/test-folder-2.rar');
    requireReference(this, real);
    assert.equal(await hasEncryptedHeaders(real), false);
    // signature, CRC32, header size (vint), header type 4 = archive encryption
    const rar5 = Buffer.from([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00, 1, 2, 3, 4, 0x21, 0x04, 0, 0, 0]);
    writeFileSync(join(dir!, 'enc5.rar'), Buffer.concat([rar5, Buffer.alloc(32)]));
    assert.equal(await hasEncryptedHeaders(join(dir!, 'enc5.rar')), true);
  });

  it('RAR4: true when the main header has the encrypted-headers flag (0x80)', async () => {
    const head = (flags: number) => Buffer.concat([Buffer.from([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00, 0xaa, 0xbb, 0x73, flags & 0xff, flags >> 8, 13, 0]), Buffer.alloc(32)]);
    writeFileSync(join(dir!, 'enc4.rar'), head(0x0080));
    writeFileSync(join(dir!, 'plain4.rar'), head(0x0000));
    assert.equal(await hasEncryptedHeaders(join(dir!, 'enc4.rar')), true);
    assert.equal(await hasEncryptedHeaders(join(dir!, 'plain4.rar')), false);
  });

  it('false for junk, short and missing files', async () => {
    writeFileSync(join(dir!, 'junk.7z'), 'not an archive');
    writeFileSync(join(dir!, 'short.7z'), Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]));
    for (const f of ['junk.7z', 'short.7z', 'missing.7z']) assert.equal(await hasEncryptedHeaders(join(dir!, f)), false, f);
  });
});
