/** Parts of a digest a channel can turn off with `--mute`; `alerts` mutes threshold alerts in that channel. */
export const DIGEST_SECTIONS = ['projects', 'forecast', 'yesterday', 'movers', 'unalerted', 'chart', 'alerts'] as const;

export type DigestSection = (typeof DIGEST_SECTIONS)[number];

/** Whether a section is shown, given the muted ones. */
export const isShown = (muted: readonly string[], section: DigestSection): boolean => !muted.includes(section);
