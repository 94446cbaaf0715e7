import type { SpendDigest } from './spend-digest.js';
import type { ThresholdCrossing } from './thresholds.js';

/**
 * Where digests and threshold alerts are delivered; the Slack layer implements it. A digest's chart is the
 * publisher's business: when it cannot be attached, the publisher falls back to text and does not throw.
 */
export interface DigestPublisher {
  postDigest(channelId: string, digest: SpendDigest): Promise<void>;
  /** Announces newly reached thresholds in one message. */
  postCrossings(channelId: string, crossings: readonly ThresholdCrossing[]): Promise<void>;
  /** Tells a channel that its digest could not be produced, and why. */
  postProblem(channelId: string, text: string): Promise<void>;
}
