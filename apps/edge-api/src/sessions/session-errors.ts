/**
 * @module The refusals of a session store, built in one place so that every store — in memory or
 * shared through Redis — answers a client with the same code, status, message and details.
 */
import { ApiError } from '../errors/api-error.js';

/**
 * 409 `SEQ_GAP` / `SEQ_DUPLICATE`: a chunk out of order (`details.expectedSeq` says what to send).
 *
 * @example
 * throw seqRefused(12, 11); // SEQ_GAP: chunk 12 arrived but 11 was expected (gap)
 */
export function seqRefused(receivedSeq: number, expectedSeq: number): ApiError {
  const gap = receivedSeq > expectedSeq;
  if (gap && expectedSeq === 0) return newSessionSeq(receivedSeq);
  return new ApiError(
    gap ? 'SEQ_GAP' : 'SEQ_DUPLICATE',
    gap ? `chunk ${receivedSeq} arrived but ${expectedSeq} was expected (gap)` : `chunk ${receivedSeq} was already received; ${expectedSeq} is expected`,
    { path: 'seq', details: { expectedSeq, receivedSeq } },
  );
}

/**
 * 409 `SEQ_GAP`: a device without a session must start at seq 0.
 *
 * @example
 * throw newSessionSeq(3); // a new session must start at seq 0, got 3
 */
export function newSessionSeq(receivedSeq: number): ApiError {
  return new ApiError('SEQ_GAP', `a new session must start at seq 0, got ${receivedSeq}`, { path: 'seq', details: { expectedSeq: 0, receivedSeq } });
}

/**
 * 410 `SESSION_EXPIRED`: the session was closed for idleness; the device starts again at seq 0.
 *
 * @example
 * throw sessionExpired('e4-0042', 120_000);
 */
export function sessionExpired(deviceId: string, idleMs: number): ApiError {
  return new ApiError('SESSION_EXPIRED', `the session of ${deviceId} was closed after ${idleMs} ms idle; start again with seq 0`, {
    path: 'params.deviceId',
    details: { expectedSeq: 0 },
  });
}

/**
 * 409 `SAMPLE_RATE_CHANGED`: a chunk at another rate than the session's.
 *
 * @example
 * throw sampleRateChanged(4, 8, 21);
 */
export function sampleRateChanged(sessionRate: number, chunkRate: number, expectedSeq: number): ApiError {
  return new ApiError('SAMPLE_RATE_CHANGED', `this session streams at ${sessionRate} Hz; got ${chunkRate} Hz. DELETE the session to change rate`, {
    path: 'sampleRate',
    details: { expectedSeq, sampleRate: sessionRate },
  });
}

/**
 * 429 `SESSION_BUFFER_FULL`: the chunk would make the session hold more than `limit` samples.
 *
 * @example
 * throw sessionBufferFull(80_000, 73_728, 5);
 */
export function sessionBufferFull(wouldHold: number, limit: number, expectedSeq: number): ApiError {
  return new ApiError('SESSION_BUFFER_FULL', `the session would hold ${wouldHold} samples; at most ${limit}. Send smaller chunks`, {
    path: 'samples',
    details: { limit, expectedSeq },
  });
}

/**
 * 429 `SESSION_LIMIT`: no room for another session (`where`: this process, or the fleet).
 *
 * @example
 * throw sessionLimit(256, 'across the fleet');
 */
export function sessionLimit(limit: number, where = ''): ApiError {
  return new ApiError('SESSION_LIMIT', `${limit} sessions are open${where === '' ? '' : ` ${where}`}; end one or retry later`, {
    path: 'params.deviceId',
    details: { limit },
  });
}

/**
 * 429 `SUBSCRIBER_LIMIT`: the device already has as many SSE subscribers as allowed.
 *
 * @example
 * throw subscriberLimit('e4-0042', 4, 4);
 */
export function subscriberLimit(deviceId: string, subscribers: number, limit: number): ApiError {
  return new ApiError('SUBSCRIBER_LIMIT', `${deviceId} already has ${subscribers} subscribers`, { path: 'params.deviceId', details: { limit } });
}
