/**
 * @module Runs a float-I/O `.tflite` model over many windows in one runtime session (one window
 * per call, as TFLite models take batch 1) and packs the outputs row-major.
 */
import { createTfliteSession, type TfliteRuntimeName } from './tflite-session.js';

/**
 * Logits `[windows, classes]` of a float-I/O model.
 *
 * @example
 * ```ts
 * const logits = await tfliteLogits(studentInt8Tflite, testWindows, 'litert');
 * ```
 */
export async function tfliteLogits(model: Uint8Array, windows: readonly Float32Array[], runtime: TfliteRuntimeName): Promise<Float32Array> {
  const session = await createTfliteSession(model, runtime);
  try {
    const rows: Float32Array[] = [];
    for (const w of windows) rows.push(Float32Array.from(await session.run(w)));
    const out = new Float32Array(rows.reduce((n, r) => n + r.length, 0));
    rows.forEach((r, i) => out.set(r, i * r.length));
    return out;
  } finally {
    await session.dispose();
  }
}
