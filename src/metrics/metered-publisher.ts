import type { DigestPublisher } from '../domain/digests/ports.js';
import type { Metrics } from './metrics.js';

/** A digest publisher that counts digests and threshold alerts posted, and the ones that failed. */
export function meteredPublisher(publisher: DigestPublisher, metrics: Metrics): DigestPublisher {
  const counted = async (kind: 'digest' | 'alert', post: Promise<void>) => {
    try {
      await post;
      metrics.digestRuns.inc({ kind, outcome: 'ok' });
    } catch (error) {
      metrics.digestRuns.inc({ kind, outcome: 'failed' });
      throw error;
    }
  };
  return {
    postDigest: (channel, digest) => counted('digest', publisher.postDigest(channel, digest)),
    postCrossings: (channel, crossings) => counted('alert', publisher.postCrossings(channel, crossings)),
    // A problem message stands in for a digest that could not be built.
    postProblem: async (channel, text) => {
      metrics.digestRuns.inc({ kind: 'digest', outcome: 'failed' });
      await publisher.postProblem(channel, text);
    },
  };
}
