// When 7-Zip aborts on an archive, its headers tell whether the names are encrypted (a password is needed to
// even list them) or the file is damaged. Only the few header bytes are read.
import { open } from 'node:fs/promises';

const SEVEN_Z_SIGNATURE = Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]);
const RAR5_SIGNATURE = Buffer.from([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00]);
const RAR4_SIGNATURE = Buffer.from([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00]);
/** 7z method id of 7zAES. */
const AES_METHOD = Buffer.from([0x06, 0xf1, 0x07, 0x01]);
const MAX_HEADER_READ = 1 << 16;

async function readAt(absPath: string, position: number, length: number): Promise<Buffer> {
  const fh = await open(absPath, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, position);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** True when the archive's file names are encrypted (7z `-mhe`, RAR5 archive encryption, RAR4 `-hp`). */
export async function hasEncryptedHeaders(absPath: string): Promise<boolean> {
  try {
    const head = await readAt(absPath, 0, 32);
    if (head.length >= 32 && head.subarray(0, 6).equals(SEVEN_Z_SIGNATURE)) {
      const offset = Number(head.readBigUInt64LE(12));
      const size = Number(head.readBigUInt64LE(20));
      if (size <= 0 || size > MAX_HEADER_READ) return false;
      const next = await readAt(absPath, 32 + offset, size);
      // 0x17 = kEncodedHeader: the header is packed; encrypted when its coders include 7zAES.
      return next[0] === 0x17 && next.includes(AES_METHOD);
    }
    if (head.subarray(0, 8).equals(RAR5_SIGNATURE)) {
      // First header after the signature: CRC32, vint size, vint type; type 4 = archive encryption header.
      let i = 12;
      while (i < head.length && head[i] & 0x80) i++;
      return head[i + 1] === 4;
    }
    if (head.subarray(0, 7).equals(RAR4_SIGNATURE)) {
      // Main archive header follows: CRC16, type 0x73, flags (LE16); 0x0080 = headers encrypted.
      return head[9] === 0x73 && (head.readUInt16LE(10) & 0x0080) !== 0;
    }
  } catch {
    // unreadable: not known to be encrypted
  }
  return false;
}
