// Per-orderId rate limits (ecom-api.md §6), answered in the gateway's 429 shape. In memory only.
export class RateLimiter {
  private hits = new Map<string, number[]>();

  /** Records a hit; returns seconds to wait when over the limit, else 0. */
  hit(key: string, perMinute: number, now: number): number {
    const windowStart = now - 60_000;
    const list = (this.hits.get(key) ?? []).filter((t) => t > windowStart);
    if (list.length >= perMinute) {
      this.hits.set(key, list);
      return Math.max(1, Math.ceil(((list[0] ?? now) + 60_000 - now) / 1000));
    }
    list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 50_000) this.prune(windowStart);
    return 0;
  }

  private prune(windowStart: number) {
    for (const [k, v] of this.hits) if (!v.some((t) => t > windowStart)) this.hits.delete(k);
  }

  clear() {
    this.hits.clear();
  }
}
