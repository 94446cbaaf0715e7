import { z } from 'zod';

const metadataSchema = z.object({ channelId: z.string().optional(), operation: z.string().optional() });
export type ViewMetadata = z.output<typeof metadataSchema>;

/** `private_metadata` carries only where the modal was opened and which operation it is for. */
export const encodeMetadata = (metadata: ViewMetadata): string => JSON.stringify(metadata);

export const decodeMetadata = (text: string | undefined): ViewMetadata => {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(text || '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
};
