import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateArenaBytes, microSource } from './micro-source.js';
import { studentFixture } from './test-support/tflite-fixtures.js';
import { readTflite } from './tflite-reader.js';

const run = promisify(execFile);
const CXX = 'c++';
let dir: string;
let model: Uint8Array;

const MAIN = `#include <cstdint>
#include <cstdio>
#include "student_int8.h"
int main() {
  if (reinterpret_cast<std::uintptr_t>(g_student_int8_model) % 16 != 0) return 2;
  if (g_student_int8_model_len != STUDENT_INT8_MODEL_LEN) return 3;
  std::fwrite(g_student_int8_model, 1, g_student_int8_model_len, stdout);
  std::fprintf(stderr, "%.9g %d %.9g %d %d %d %d %d", STUDENT_INT8_INPUT_SCALE, STUDENT_INT8_INPUT_ZERO_POINT, STUDENT_INT8_OUTPUT_SCALE,
               STUDENT_INT8_OUTPUT_ZERO_POINT, STUDENT_INT8_INPUT_LENGTH, STUDENT_INT8_INPUT_CHANNELS, STUDENT_INT8_CLASSES, STUDENT_INT8_ARENA_BYTES);
  return 0;
}
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'painkd-micro-'));
  model = (await studentFixture()).tflite.int8Io;
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('microSource', () => {
  it('compiles unchanged with the system C++ compiler (C++11 and C++17, -Wall -Wextra -pedantic -Werror), 16-byte aligned, bytes round-trip', async () => {
    const micro = microSource(model, 'student_int8');
    await writeFile(join(dir, micro.headerName), micro.header);
    await writeFile(join(dir, micro.sourceName), micro.source);
    await writeFile(join(dir, 'main.cc'), MAIN);
    const version = await run(CXX, ['--version']).catch((error: unknown) => {
      throw new Error(`the system C++ compiler (${CXX}) is missing; run \`bash scripts/ensure-system.sh\` (npm test runs it first): ${String(error)}`);
    });
    expect(version.stdout).toMatch(/\d+\.\d+/);
    for (const std of ['c++11', 'c++17']) {
      const exe = join(dir, `check-${std}`);
      await run(CXX, [`-std=${std}`, '-Wall', '-Wextra', '-pedantic', '-Werror', '-o', exe, join(dir, 'main.cc'), join(dir, micro.sourceName)]);
      const out = await run(exe, [], { encoding: 'buffer', maxBuffer: 1 << 24 });
      expect(new Uint8Array(out.stdout)).toEqual(model);
      const [inScale, inZp, outScale, outZp, length, channels, classes, arena] = out.stderr.toString().split(' ').map(Number);
      const g = readTflite(model);
      const input = g.tensors[g.inputs[0]!]!;
      const output = g.tensors[g.outputs[0]!]!;
      expect(inScale).toBeCloseTo(input.quantization!.scale[0]!, 9);
      expect(inZp).toBe(input.quantization!.zeroPoint[0]);
      expect(outScale).toBeCloseTo(output.quantization!.scale[0]!, 9);
      expect(outZp).toBe(output.quantization!.zeroPoint[0]);
      expect([length, channels, classes]).toEqual([176, 1, 5]);
      expect(arena).toBe(micro.arenaBytes);
    }
  });

  it('estimates the arena from the largest live pair of activations plus per-channel and per-tensor records', () => {
    const g = readTflite(model);
    const arena = estimateArenaBytes(g);
    // student-tiny at 176 samples: the first conv reads [1,1,176,1] int8 (176 B) and writes [1,1,88,16] (1,408 B).
    expect(arena).toBeGreaterThan(176 + 1408);
    expect(arena % 256).toBe(0);
    expect(arena).toBeLessThan(16 * 1024);
  });

  it('refuses a C name that is not snake_case and bytes that are not a model', () => {
    expect(() => microSource(model, 'Student-Int8')).toThrow(expect.objectContaining({ code: 'TFLITE_BAD_OPTIONS' }));
    expect(() => microSource(model.subarray(0, 100), 'student_int8')).toThrow(expect.objectContaining({ code: 'TFLITE_TRUNCATED' }));
  });
});
