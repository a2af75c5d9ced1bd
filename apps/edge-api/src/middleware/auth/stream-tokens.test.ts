/** @module Stream tokens verify for their device until they expire; any change to them is refused. */
import { describe, expect, it } from 'vitest';
import { StreamTokens } from './stream-tokens.js';

describe('StreamTokens', () => {
  it('verifies a token for its device until it expires, and refuses tampering or another key', () => {
    let now = 1_000_000;
    const tokens = new StreamTokens('secret', 60, () => now);
    const { token, expiresAt } = tokens.issue('dev-1');
    expect(expiresAt).toBe(new Date((1000 + 60) * 1000).toISOString());
    expect(tokens.verify(token, 'dev-1')).toBeUndefined();
    expect(tokens.verify(token, 'dev-2')).toBe('access_token is not for the events of dev-2');
    const [payload, signature] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ sub: 'dev-2', scope: 'events', exp: 9e9 })).toString('base64url');
    expect(tokens.verify(`${forged}.${signature}`, 'dev-2')).toBe('access_token has a bad signature');
    expect(tokens.verify(`${payload}.${signature}x`, 'dev-1')).toBe('access_token has a bad signature');
    expect(tokens.verify('secret', 'dev-1')).toContain('is not a stream token');
    expect(new StreamTokens('other', 60, () => now).verify(token, 'dev-1')).toBe('access_token has a bad signature');
    expect(new StreamTokens('secret', 60, () => now).verify(token, 'dev-1')).toBeUndefined();
    now += 60_000;
    expect(tokens.verify(token, 'dev-1')).toBe('access_token has expired');
  });
});
