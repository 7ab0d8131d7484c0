/**
 * Login rate limiting: at most `maxFailures` failed logins per key (username + client IP) within `windowMs`.
 * Once reached, further attempts are refused (429 with Retry-After) until the oldest failure in the window ages out.
 * In memory: one server process guards its own door.
 */
export interface RateLimitOptions {
  maxFailures: number;
  windowMs: number;
  /** milliseconds clock (tests move it) */
  now?: () => number;
  /** keys kept at most; the stalest are dropped first (bounded memory under a flood of usernames) */
  maxKeys?: number;
}

export const DEFAULT_LOGIN_LIMIT: RateLimitOptions = { maxFailures: 5, windowMs: 60_000 };

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class FailureLimiter {
  readonly #failures = new Map<string, number[]>();
  readonly #max: number;
  readonly #window: number;
  readonly #now: () => number;
  readonly #maxKeys: number;

  constructor(options: RateLimitOptions = DEFAULT_LOGIN_LIMIT) {
    this.#max = options.maxFailures;
    this.#window = options.windowMs;
    this.#now = options.now ?? Date.now;
    this.#maxKeys = options.maxKeys ?? 100_000;
  }

  /** The key for a login attempt: the username (case-folded) and the client address. */
  static loginKey(username: string, ip: string): string {
    return `${username.trim().toLowerCase()}|${ip}`;
  }

  #recent(key: string): number[] {
    const now = this.#now();
    const list = (this.#failures.get(key) ?? []).filter((t) => now - t < this.#window);
    if (list.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, list);
    return list;
  }

  /** May this key try now? */
  check(key: string): LimitDecision {
    const list = this.#recent(key);
    if (list.length < this.#max) return { allowed: true };
    const oldest = list[list.length - this.#max]!;
    const waitMs = oldest + this.#window - this.#now();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Record a failed attempt. */
  fail(key: string): void {
    const list = this.#recent(key);
    list.push(this.#now());
    this.#failures.delete(key); // re-insert: Map order = least recently failed first
    this.#failures.set(key, list.slice(-this.#max));
    while (this.#failures.size > this.#maxKeys) {
      const first = this.#failures.keys().next().value;
      if (first === undefined) break;
      this.#failures.delete(first);
    }
  }

  /** Forget a key's failures (after a successful login). */
  reset(key: string): void {
    this.#failures.delete(key);
  }

  /** Number of keys tracked (tests, monitoring). */
  get size(): number {
    return this.#failures.size;
  }
}
