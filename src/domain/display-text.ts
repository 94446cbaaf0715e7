/**
 * Characters that reorder how text is displayed (embeddings, overrides, isolates and marks). A name carrying them
 * can make `exe.jpg` read as `gpj.exe`, so they are removed from everything shown.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text from people or the Admin API with the display-reordering controls removed. */
export const withoutBidi = (text: string): string => text.replace(BIDI_CONTROLS, '');
