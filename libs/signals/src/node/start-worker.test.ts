import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startModuleWorker } from './start-worker.js';

async function firstMessage(url: URL, workerData: unknown): Promise<unknown> {
  const worker = startModuleWorker(url, { workerData });
  const [message] = (await once(worker, 'message')) as [unknown];
  await worker.terminate();
  return message;
}

describe('startModuleWorker', () => {
  it('runs a TypeScript module and the TypeScript it imports', async () => {
    expect(await firstMessage(new URL('../testing/echo-worker.ts', import.meta.url), { n: 41 })).toEqual({ n: 42, first: 'BL1' });
  });

  it('runs a compiled module directly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'painkd-worker-'));
    const mjs = join(dir, 'echo.mjs');
    await writeFile(mjs, "import { parentPort, workerData } from 'node:worker_threads';\nparentPort.postMessage({ n: workerData.n * 2, argv: process.execArgv });\n");
    expect(await firstMessage(pathToFileURL(mjs), { n: 21 })).toEqual({ n: 42, argv: [] });
  });
});
