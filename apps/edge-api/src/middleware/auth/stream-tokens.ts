/**
 * @module Short-lived tokens a browser can put in a URL: `POST /v1/streams/{id}/token` issues one,
 * bound to that device's event stream, and `GET …/events?access_token=` accepts only such tokens
 * (never the API token, which must not end up in logs and browser history). A token is
 * `base64url(payload).base64url(HMAC-SHA256(payload))`; the key is derived from the API token, so
 * replicas that share it accept each other's tokens.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What an issued token says. */
interface Claims {
  /** Device id. */
  readonly sub: string;
  readonly scope: 'events';
  /** Expiry, Unix seconds. */
  readonly exp: number;
}

/** A freshly issued token. */
export interface IssuedToken {
  readonly token: string;
  readonly deviceId: string;
  readonly scope: 'events';
  /** ISO 8601. */
  readonly expiresAt: string;
  readonly expiresInSeconds: number;
}

const encode = (bytes: Buffer): string => bytes.toString('base64url');

/**
 * Issues and verifies stream tokens.
 *
 * @example
 * const tokens = new StreamTokens(process.env.EDGE_API_TOKEN, 300);
 * const { token } = tokens.issue('e4-0042');
 * tokens.verify(token, 'e4-0042'); // undefined (valid); otherwise the reason
 */
export class StreamTokens {
  private readonly key: Buffer;

  /** `secret` is the API token (a random key when there is none); tokens live `ttlSeconds`. */
  constructor(
    secret: string | undefined,
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.key = createHmac('sha256', secret === undefined || secret === '' ? randomBytes(32) : Buffer.from(secret, 'utf8'))
      .update('painkd-edge-api stream token v1')
      .digest();
  }

  /** A token for `deviceId`'s event stream. */
  issue(deviceId: string): IssuedToken {
    const exp = Math.floor(this.now() / 1000) + this.ttlSeconds;
    const payload = encode(Buffer.from(JSON.stringify({ sub: deviceId, scope: 'events', exp } satisfies Claims), 'utf8'));
    return {
      token: `${payload}.${this.sign(payload)}`,
      deviceId,
      scope: 'events',
      expiresAt: new Date(exp * 1000).toISOString(),
      expiresInSeconds: this.ttlSeconds,
    };
  }

  /** `undefined` when `token` is a valid, unexpired token for `deviceId`; else why not. */
  verify(token: string, deviceId: string): string | undefined {
    const dot = token.indexOf('.');
    if (dot <= 0) return 'access_token is not a stream token (get one from POST /v1/streams/{deviceId}/token)';
    const payload = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.sign(payload), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'access_token has a bad signature';
    let claims: Partial<Claims>;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Claims>;
    } catch {
      return 'access_token is malformed';
    }
    if (claims.scope !== 'events' || claims.sub !== deviceId) return `access_token is not for the events of ${deviceId}`;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.now()) return 'access_token has expired';
    return undefined;
  }

  private sign(payload: string): string {
    return encode(createHmac('sha256', this.key).update(payload).digest());
  }
}
