import { describe, expect, it } from 'vitest';
import { reviveError, serializeError } from './serialized-error.js';
import { DistillError } from '../errors.js';

describe('serializeError / reviveError', () => {
  it('keeps message, code and stack across a structured clone', () => {
    const original = new DistillError('CV_SUBJECT_LEAK', 'fold 2 leaks s07');
    const revived = reviveError(structuredClone(serializeError(original)));
    expect(revived).toBeInstanceOf(Error);
    expect(revived).toMatchObject({ message: 'fold 2 leaks s07', code: 'CV_SUBJECT_LEAK' });
    expect(revived.stack).toBe(original.stack);
    expect(serializeError('plain')).toEqual({ message: 'plain' });
  });
});
