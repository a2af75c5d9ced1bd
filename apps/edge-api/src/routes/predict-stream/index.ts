/**
 * @module `POST /predict` with `Content-Type: application/x-ndjson`: a long upload of
 * `{ seq, samples }` lines answered, while it continues, by one NDJSON prediction line per
 * completed hop. A bad line ends the response with an error line naming its number; the
 * predictions already sent stand.
 */
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import type { AppEnv } from '../../app/app-env.js';
import { chunkReader } from '../../body/read-body.js';
import type { ApiLimits } from '../../config/limits.js';
import { ApiError } from '../../errors/api-error.js';
import { toApiError } from '../../errors/to-api-error.js';
import { round3, type PredictService } from '../../model/predict-service.js';
import { parseChunk } from '../../streaming/chunk.js';
import { LineSplitter, type Line } from '../../streaming/line-splitter.js';
import type { OpenStreams } from '../../streaming/open-streams.js';
import type { CompletedWindow, WindowStream } from '../../streaming/window-stream.js';
import { parseJsonText } from '../../validation/parse-json.js';
import { parseSampleRateText } from '../../validation/parse-window.js';

/** What the NDJSON handler needs. */
export interface PredictStreamDeps {
  readonly service: PredictService;
  readonly limits: ApiLimits;
  readonly streams: OpenStreams;
  readonly createWindowStream: (sampleRate: number) => WindowStream;
}

/** One prediction line of the response. */
export interface StreamPredictionLine {
  readonly window: number;
  readonly seq: number;
  readonly endSeconds: number;
  readonly level: number;
  readonly label: string;
  readonly probabilities: readonly number[];
  readonly latencyMs: number;
}

/**
 * Creates the NDJSON streaming handler used by `POST /predict`.
 *
 * @example
 * const predictStream = predictNdjson({ service, limits, streams, createWindowStream });
 */
export function predictNdjson(deps: PredictStreamDeps) {
  const { service, limits } = deps;
  return async function predictNdjsonHandler(c: Context<AppEnv>): Promise<Response> {
    const sampleRate = parseSampleRateText(c.req.query('sampleRate'), 'query.sampleRate');
    const release = deps.streams.acquire();
    const windows = deps.createWindowStream(sampleRate);
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header('Cache-Control', 'no-store');
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
          let completed: readonly CompletedWindow[];
          try {
            completed = windows.push(chunk.seq, chunk.samples);
          } catch (error) {
            throw toApiError(error, `${path}.seq`);
          }
          if (completed.length === 0) return;
          const predictions = await service.predictRaw(
            completed.map((w) => ({ samples: w.samples, sampleRate })),
            'ndjson',
          );
          const latencyMs = round3(performance.now() - started);
          let text = '';
          completed.forEach((w, i) => {
            const p = predictions[i];
            if (p === undefined) return;
            const lineOut: StreamPredictionLine = {
              window: w.index,
              seq: w.seq,
              endSeconds: round3(w.endSeconds),
              level: p.level,
              label: p.label,
              probabilities: p.probabilities,
              latencyMs,
            };
            text += `${JSON.stringify(lineOut)}\n`;
          });
          predicted += completed.length;
          await out.write(text);
        };
        const reader = chunkReader(c);
        try {
          for (let chunk = await reader.next(); chunk !== null; chunk = await reader.next()) {
            if (out.aborted) return;
            for (const line of splitter.push(chunk)) await handleLine(line);
          }
          const last = splitter.end();
          if (last !== undefined) await handleLine(last);
          await out.write(`${JSON.stringify({ done: true, lines: splitter.lines, windows: predicted, nextSeq: windows.nextSeq })}\n`);
        } catch (error) {
          const apiError =
            error instanceof ApiError ? error : toApiError(error, `line ${splitter.lines + 1}`);
          const line = lineOf(apiError.path, splitter.lines);
          const body = apiError.toBody();
          if (!out.aborted) await out.write(`${JSON.stringify({ error: { ...body.error, line } })}\n`).catch(() => undefined);
        } finally {
          reader.stop();
          release();
        }
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
