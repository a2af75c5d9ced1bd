/**
 * @module Read-benchmark worker: reads the batches of recordings it is sent with
 * `readBiovidRecording` and hands the typed arrays back to the main thread (transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BiovidRecordingRef, ChannelName } from '@painkd/signals';
import { readBiovidRecording } from '@painkd/signals/node';

const { channels } = workerData as { channels: ChannelName[] };

parentPort?.on('message', async (batch: BiovidRecordingRef[]) => {
  const transfer: ArrayBuffer[] = [];
  const results = [];
  for (const ref of batch) {
    const recording = await readBiovidRecording(ref, { channels });
    transfer.push(recording.timeUs.buffer as ArrayBuffer);
    for (const values of Object.values(recording.channels)) transfer.push(values.buffer as ArrayBuffer);
    results.push({ path: recording.path, timeUs: recording.timeUs, channels: recording.channels });
  }
  parentPort?.postMessage(results, transfer);
});
