/** A newly created credential to hand to the person who asked for it, once. */
export interface SecretToDeliver {
  /** Chat user id of the only person who may reveal it. */
  ownerUserId: string;
  /** What the secret is, e.g. `Admin key "ci" (key_abc)`; shown beside the Reveal button. Never the value. */
  title: string;
  /** The secret itself. */
  value: string;
}

/** What became of a delivery. When `delivered` is false the value is gone: nobody can reveal it. */
export interface SecretReceipt {
  delivered: boolean;
  /** Milliseconds since the epoch after which the secret can no longer be revealed. */
  expiresAt: number;
  /** How long the owner has to reveal it. */
  validMinutes: number;
}

/** A secret handed to its owner's screen; exists only for the duration of a reveal. */
export interface RevealedSecret {
  title: string;
  value: string;
}

/** Puts a secret in front of its owner; throws when it could not be shown. */
export type ShowSecret = (secret: RevealedSecret) => Promise<void>;

export type RevealOutcome =
  | { kind: 'revealed'; title: string }
  | { kind: 'refused'; message: string }
  /** Showing failed; the secret was put back and can be revealed again. */
  | { kind: 'kept'; message: string; error: unknown };

/**
 * Keeps newly created key values encrypted until their owner reveals them, once. Operations hand secrets
 * here instead of putting them in a reply, an approval result, a log line or the audit trail.
 */
export interface SecretVault {
  /** Encrypts and stores the secret, then privately offers its owner a one-time reveal. */
  deliver(secret: SecretToDeliver): Promise<SecretReceipt>;
  /**
   * Hands the secret to `show` for its owner and forgets it once shown; when showing fails it is kept for another
   * try. Anyone else, a second time, or too late, gets a refusal.
   */
  reveal(userId: string, secretId: string, show: ShowSecret): Promise<RevealOutcome>;
  /** Deletes secrets nobody revealed in time; returns how many. */
  purgeExpired(): Promise<number>;
}

/** An offer of a one-time reveal, as sent to the owner. Holds no secret. */
export interface SecretOffer {
  secretId: string;
  ownerUserId: string;
  title: string;
  expiresAt: number;
}

/** Privately tells the owner a secret awaits them (Slack: a direct message with a Reveal button). */
export interface SecretCourier {
  /** Throws when the owner could not be told. */
  offer(offer: SecretOffer): Promise<void>;
}
