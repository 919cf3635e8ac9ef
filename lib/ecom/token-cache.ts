// Access tokens per key set (and MSN), reused until shortly before they expire. Concurrent callers
// share one in-flight fetch, so a burst of 20 calls costs one token request.
import "server-only";
import { createHash } from "node:crypto";
import type { AccessToken } from "./schemas";

export interface CachedToken {
  accessToken: string;
  /** Our clock (ms): after this the token is not used at all. */
  expiresAt: number;
  /** Our clock (ms): from here on a new token is fetched before the call. */
  refreshAt: number;
}

const FIVE_MINUTES = 5 * 60_000;

/**
 * The lifetime is taken from expires_in, measured on our clock from when the answer arrived:
 * expires_on is the server's clock, which may be skewed (or moved on purpose by the simulator).
 * Refresh when less than max(5 min, 10 % of the lifetime) is left, but never later than half-way,
 * so short simulator lifetimes still get reused.
 */
export function lifetimeOf(token: AccessToken, receivedAt: number): CachedToken {
  let ttlMs = token.expiresInSeconds * 1000;
  if (ttlMs <= 0 && token.expiresOn !== undefined && token.notBefore !== undefined) {
    ttlMs = (token.expiresOn - token.notBefore) * 1000;
  }
  ttlMs = Math.max(ttlMs, 0);
  const margin = Math.min(Math.max(FIVE_MINUTES, ttlMs * 0.1), ttlMs / 2);
  return { accessToken: token.accessToken, expiresAt: receivedAt + ttlMs, refreshAt: receivedAt + ttlMs - margin };
}

/** Identifies a key set without holding it: a hash of the three credentials. */
export function credentialsFingerprint(c: { clientId: string; clientSecret: string; subscriptionKey: string }): string {
  return createHash("sha256")
    .update(["keys", c.clientId, c.clientSecret, c.subscriptionKey].join("\u0000"))
    .digest("hex");
}

/**
 * The cache key never holds the secrets themselves, only hashes: the key set's fingerprint first, so
 * every token of a key set can be forgotten at once (`forgetCredentials`), then where it is used.
 */
export function tokenCacheKey(parts: {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
  msn?: string;
}): string {
  const where = createHash("sha256")
    .update([parts.baseUrl, parts.msn ?? "*"].join("\u0000"))
    .digest("hex");
  return `${credentialsFingerprint(parts)}:${where}`;
}

export class TokenCache {
  private readonly entries = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, Promise<CachedToken>>();
  /** Bumped by forgetCredentials: a fetch that started before it is not stored when it lands. */
  private generation = 0;

  /** A token usable now: cached, or fetched once for all concurrent callers. */
  async get(key: string, now: () => number, fetchToken: () => Promise<CachedToken>): Promise<CachedToken> {
    const cached = this.entries.get(key);
    if (cached && now() < cached.refreshAt) return cached;
    let pending = this.inflight.get(key);
    if (!pending) {
      const started = this.generation;
      pending = fetchToken().finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
      pending.then(
        (fresh) => {
          if (started === this.generation) this.entries.set(key, fresh);
        },
        () => {},
      );
    }
    try {
      return await pending;
    } catch (error) {
      // A failed early refresh is no reason to fail the call while the old token is still valid.
      const old = this.entries.get(key);
      if (old && now() < old.expiresAt) return old;
      throw error;
    }
  }

  /** Stores a token fetched outside `get` (an explicit fetchAccessToken). */
  put(key: string, token: CachedToken): void {
    this.entries.set(key, token);
  }

  /**
   * Forgets the token after a 401. Only if it is still the one that failed: a concurrent caller may
   * already have stored a fresh one.
   */
  invalidate(key: string, accessToken: string): void {
    if (this.entries.get(key)?.accessToken === accessToken) this.entries.delete(key);
  }

  /**
   * Forgets every token fetched with this key set (any environment, any MSN), e.g. when an admin
   * replaces the keys: nothing fetched with the old keys is used again in this process.
   */
  forgetCredentials(c: { clientId: string; clientSecret: string; subscriptionKey: string }): number {
    const prefix = `${credentialsFingerprint(c)}:`;
    let forgotten = 0;
    for (const key of [...this.entries.keys()])
      if (key.startsWith(prefix)) {
        this.entries.delete(key);
        forgotten++;
      }
    for (const key of [...this.inflight.keys()]) if (key.startsWith(prefix)) this.inflight.delete(key);
    this.generation++;
    return forgotten;
  }

  /** Whether a usable token is cached for this key set (tests and diagnostics; never the token). */
  holdsTokenFor(c: { clientId: string; clientSecret: string; subscriptionKey: string }): boolean {
    const prefix = `${credentialsFingerprint(c)}:`;
    return [...this.entries.keys()].some((key) => key.startsWith(prefix));
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Shared by every client in this process, so clients created per request still reuse tokens. */
export const sharedTokenCache = new TokenCache();
