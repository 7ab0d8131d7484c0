// A worker thread of `jixiao check --jobs N`: checks the files it is sent, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile } from './check-file.js';

const { profileId } = workerData as { profileId: string };

parentPort?.on('message', (msg: { id: number; file: string }) => {
  checkFile(msg.file, profileId).then(
    (result) => parentPort?.postMessage({ id: msg.id, result }),
    (e: unknown) =>
      parentPort?.postMessage({
        id: msg.id,
        result: { file: msg.file, error: { message: `内部错误：${e instanceof Error ? e.message : String(e)}` } },
      }),
  );
});
