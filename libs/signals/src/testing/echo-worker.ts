/** @module Test worker of start-worker.test.ts: answers n + 1 and a value from a TypeScript import, proving tsx is loaded. */
import { parentPort, workerData } from 'node:worker_threads';
import { CLASS_LABELS } from '../index.js';

const n: number = (workerData as { n: number }).n;
parentPort!.postMessage({ n: n + 1, first: CLASS_LABELS[0] });
