/**
 * Once-only claims and leases shared by every replica, judged by the database so two replicas never both win.
 */
export interface Coordination {
  /** True for exactly one caller ever per key (e.g. `digest:<subscription>:<period>`). */
  claimOnce(key: string, owner: string, at: number): Promise<boolean>;
  /**
   * Takes the lease `name` for `token` until the database's clock reaches its now + `ttlMs`. Succeeds only when
   * the lease is free, expired by the database's clock, or already held by this same `token` (which renews it).
   * Tokens belong to one holder (e.g. one execution), never to a whole process.
   */
  acquireLease(name: string, token: string, ttlMs: number): Promise<boolean>;
  /** Extends a lease `token` still holds to the database's now + `ttlMs`; false when it holds it no more. */
  renewLease(name: string, token: string, ttlMs: number): Promise<boolean>;
  /** Frees a lease held by `token`; false when `token` did not hold it. */
  releaseLease(name: string, token: string): Promise<boolean>;
}
