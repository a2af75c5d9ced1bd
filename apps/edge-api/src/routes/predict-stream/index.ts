/**
 * @module `POST /predict` with `Content-Type: application/x-ndjson`: a long — possibly endless —
 * upload of `{ seq, samples }` lines answered, while it continues, by one NDJSON line per completed
 * hop (a prediction with its quality, or a `rejected` window). There is no request timeout; an
 * upload without a complete line for `streamIdleMs` ends. Every ending writes a last `done` line
 * (after an `error` line naming the bad line, the idle timeout or the shutdown); predictions
 * already sent stand. Once the response has started, nothing but NDJSON is written to it.
 */
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import type { AppEnv } from '../../app/app-env.js';
import { chunkReader } from '../../body/read-body.js';
import type { ApiLimits } from '../../config/limits.js';
import { ApiError } from '../../errors/api-error.js';
import { toApiError } from '../../errors/to-api-error.js';
import { streamedWindowJson, type StreamedWindowJson } from '../../model/prediction-json.js';
import { round3, type PredictService } from '../../model/predict-service.js';
import { emptyTimings } from '../../model/predictor.js';
import { parseChunk } from '../../streaming/chunk.js';
import { checkChunkWindows } from '../../streaming/chunk-windows.js';
import { startDeadline } from '../../streaming/deadline.js';
import { LineSplitter, type Line } from '../../streaming/line-splitter.js';
import type { OpenStreams } from '../../streaming/open-streams.js';
import type { WindowStream } from '../../streaming/window-stream.js';
import { parseJsonText } from '../../validation/parse-json.js';
import { parseSampleRateText } from '../../validation/parse-window.js';

/** What the NDJSON handler needs. */
export interface PredictStreamDeps {
  readonly service: PredictService;
  readonly limits: ApiLimits;
  readonly streams: OpenStreams;
  readonly createWindowStream: (sampleRate: number) => WindowStream;
  /** Aborted when the server starts shutting down: open uploads end with `SHUTTING_DOWN`. */
  readonly shutdown: AbortSignal;
}

/** One window line of the response. */
export type StreamWindowLine = StreamedWindowJson & { readonly latencyMs: number };

/**
 * Creates the NDJSON streaming handler used by `POST /predict`.
 *
 * @example
 * const predictStream = predictNdjson({ service, limits, streams, createWindowStream, shutdown });
 */
export function predictNdjson(deps: PredictStreamDeps) {
  const { service, limits } = deps;
  return async function predictNdjsonHandler(c: Context<AppEnv>): Promise<Response> {
    const sampleRate = parseSampleRateText(c.req.query('sampleRate'), 'query.sampleRate');
    const release = deps.streams.acquire();
    const windows = deps.createWindowStream(sampleRate);
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header('Cache-Control', 'no-store');
    // The upload may still be arriving when the answer ends (a bad line, the idle timeout, a
    // shutdown): the connection then closes, so no pooled client may count on reusing it.
    c.header('Connection', 'close');
    return stream(
      c,
      async (out) => {
        const splitter = new LineSplitter(limits.maxLineBytes);
        let predicted = 0;
        const handleLine = async (line: Line): Promise<void> => {
          if (line.text.trim() === '') return;
          const started = performance.now();
          const path = `line ${line.number}`;
          const chunk = parseChunk(parseJsonText(line.text, path), path, limits.maxChunkSamples);
          checkChunkWindows(windows, chunk.samples.length, limits.maxWindowsPerRequest, `${path}.samples`);
          let completed;
          try {
            completed = windows.push(chunk.seq, chunk.samples);
          } catch (error) {
            throw toApiError(error, `${path}.seq`);
          }
          if (completed.length === 0) return;
          const results = await service.predictRaw(
            completed.map((w) => ({ samples: w.samples, sampleRate })),
            'ndjson',
            emptyTimings(),
            { onReject: 'skip' },
          );
          const latencyMs = round3(performance.now() - started);
          let text = '';
          completed.forEach((w, i) => {
            const result = results[i];
            if (result === undefined) return;
            const lineOut: StreamWindowLine = { ...streamedWindowJson(w, result), latencyMs };
            text += `${JSON.stringify(lineOut)}\n`;
          });
          predicted += completed.length;
          await out.write(text);
        };
        const reader = chunkReader(c);
        const idle = startDeadline(limits.streamIdleMs, () => new ApiError('STREAM_IDLE_TIMEOUT', `no complete line for ${limits.streamIdleMs} ms; the upload is closed`, { path: `line ${splitter.lines + 1}`, details: { idleMs: limits.streamIdleMs } }));
        let onShutdown = (): void => undefined;
        const stopping = new Promise<never>((_, reject) => {
          onShutdown = () => reject(new ApiError('SHUTTING_DOWN', 'the server is shutting down; resume with nextSeq on another connection', { path: `line ${splitter.lines + 1}` }));
        });
        stopping.catch(() => undefined);
        if (deps.shutdown.aborted) onShutdown();
        else deps.shutdown.addEventListener('abort', onShutdown, { once: true });
        let failure: ApiError | undefined;
        try {
          for (;;) {
            const next = reader.next();
            next.catch(() => undefined);
            const chunk = await Promise.race([next, idle.expired, stopping]);
            if (chunk === null || out.aborted) break;
            for (const line of splitter.push(chunk)) {
              await handleLine(line);
              idle.reset();
            }
          }
          const last = out.aborted ? undefined : splitter.end();
          if (last !== undefined) await handleLine(last);
        } catch (error) {
          failure = error instanceof ApiError ? error : toApiError(error, `line ${splitter.lines + 1}`);
        } finally {
          idle.clear();
          deps.shutdown.removeEventListener('abort', onShutdown);
          reader.stop();
          release();
        }
        if (out.aborted) return;
        let ending = '';
        if (failure !== undefined) ending += `${JSON.stringify({ error: { ...failure.toBody().error, line: lineOf(failure.path, splitter.lines) } })}\n`;
        ending += `${JSON.stringify({ done: true, lines: splitter.lines, windows: predicted, nextSeq: windows.nextSeq, ...(failure !== undefined ? { error: failure.code } : {}) })}\n`;
        await out.write(ending).catch(() => undefined);
      },
      async () => {
        release();
      },
    );
  };
}

function lineOf(path: string, fallback: number): number {
  const match = /^line (\d+)/.exec(path);
  return match ? Number(match[1]) : Math.max(1, fallback);
}
