// Worker thread that runs 7-Zip (WASM) listings, so the scan can stop one that hangs by terminating the thread.
// One 7-Zip instance is created lazily and reused; after 7-Zip aborts (it throws out of callMain) it is rebuilt.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import SevenZip from '7z-wasm';
import type { SevenZipModule } from '7z-wasm';
import { SEVEN_ZIP_MOUNT as MOUNT, type SevenZipReply, type SevenZipRequest } from './seven-zip-protocol';

const { wasmPath } = workerData as { wasmPath: string };
let output: string[] = [];
let instance: Promise<SevenZipModule> | undefined;
let mounted: string | undefined;

function sevenZip(): Promise<SevenZipModule> {
  instance ??= (async () => {
    const wasmBinary = readFileSync(wasmPath);
    const module = await SevenZip({
      wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) as ArrayBuffer,
      print: (line: string) => output.push(line),
      printErr: (line: string) => output.push(line),
    });
    module.FS.mkdir(MOUNT);
    mounted = undefined;
    return module;
  })();
  return instance;
}

async function list(req: SevenZipRequest): Promise<SevenZipReply> {
  const sz = await sevenZip();
  output = [];
  try {
    if (mounted !== req.folder) {
      if (mounted !== undefined) sz.FS.unmount(MOUNT);
      mounted = undefined;
      sz.FS.mount(sz.NODEFS, { root: req.folder }, MOUNT);
      mounted = req.folder;
    }
    // -p: without a password 7-Zip prompts on encrypted headers and the WASM build aborts.
    const code = sz.callMain(['l', '-slt', '-sccUTF-8', `-p${req.password}`, `${MOUNT}/${req.name}`]) as unknown;
    return { id: req.id, lines: output, exitCode: typeof code === 'number' ? code : 0, aborted: false };
  } catch (err) {
    instance = undefined; // 7-Zip's state after an abort is unknown: start a fresh one next time
    return { id: req.id, lines: output, exitCode: -1, aborted: true, error: String(err) };
  }
}

parentPort!.on('message', (req: SevenZipRequest) => {
  list(req).then(
    (reply) => parentPort!.postMessage(reply),
    (err: unknown) => parentPort!.postMessage({ id: req.id, lines: output, exitCode: -1, aborted: true, error: String(err) } satisfies SevenZipReply),
  );
});
