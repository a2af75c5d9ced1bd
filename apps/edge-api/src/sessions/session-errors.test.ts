/** @module Every store's refusals: statuses, codes, details, and seq messages worded as the @painkd/signals windower's. */
import { SignalsError, StreamWindower } from '@painkd/signals';
import { describe, expect, it } from 'vitest';
import { newSessionSeq, sampleRateChanged, seqRefused, sessionBufferFull, sessionExpired, sessionLimit, subscriberLimit } from './session-errors.js';

function windowerRefusal(seq: number): SignalsError {
  const windower = new StreamWindower({ windowSamples: 4, hopSamples: 2, firstSeq: 0 });
  for (let s = 0; s < 3; s++) windower.push(s, new Float32Array(1));
  try {
    windower.push(seq, new Float32Array(1));
  } catch (error) {
    return error as SignalsError;
  }
  throw new Error(`seq ${seq} was accepted`);
}

describe('session refusals', () => {
  it('words a seq gap or duplicate as the windower does, with what to send next', () => {
    for (const seq of [5, 1]) {
      const reference = windowerRefusal(seq);
      const refused = seqRefused(seq, 3);
      expect(refused).toMatchObject({ code: seq > 3 ? 'SEQ_GAP' : 'SEQ_DUPLICATE', status: 409, path: 'seq' });
      // The windower's message names its location first; the API's carries it in `path`.
      expect(reference.message).toBe(`seq: ${refused.message}`);
      expect(refused.details).toEqual(reference.details);
    }
  });

  it('tells a device without a session to start at seq 0', () => {
    expect(seqRefused(3, 0)).toEqual(newSessionSeq(3));
    expect(newSessionSeq(3)).toMatchObject({ code: 'SEQ_GAP', status: 409, message: 'a new session must start at seq 0, got 3', details: { expectedSeq: 0, receivedSeq: 3 } });
  });

  it('maps each bound to its status and says what to do', () => {
    expect(sessionExpired('d', 400)).toMatchObject({ code: 'SESSION_EXPIRED', status: 410, path: 'params.deviceId', details: { expectedSeq: 0 } });
    expect(sampleRateChanged(4, 8, 21)).toMatchObject({ code: 'SAMPLE_RATE_CHANGED', status: 409, message: expect.stringContaining('streams at 4 Hz; got 8 Hz'), details: { expectedSeq: 21, sampleRate: 4 } });
    expect(sessionBufferFull(31, 30, 1)).toMatchObject({ code: 'SESSION_BUFFER_FULL', status: 429, path: 'samples', details: { limit: 30, expectedSeq: 1 } });
    expect(sessionLimit(2).message).toBe('2 sessions are open; end one or retry later');
    expect(sessionLimit(2, 'across the fleet')).toMatchObject({ code: 'SESSION_LIMIT', status: 429, message: '2 sessions are open across the fleet; end one or retry later' });
    expect(subscriberLimit('d', 4, 4)).toMatchObject({ code: 'SUBSCRIBER_LIMIT', status: 429, details: { limit: 4 } });
  });
});
