import { useContext } from 'preact/hooks';
import type { TextObject } from '../types.js';
import { decode, Mrkdwn } from './mrkdwn.js';
import { SurfaceContext } from './surface.js';

export const isText = (value: unknown): value is TextObject =>
  typeof value === 'object' && value !== null && typeof (value as TextObject).text === 'string';

/** A text object's words as plain text (for labels, names and options). */
export const plain = (value: unknown): string =>
  isText(value) ? (value.type === 'mrkdwn' ? decode(value.text) : value.text) : '';

/** A text object: mrkdwn formatted, plain_text as typed. */
export function Text({ value }: { value: unknown }) {
  const surface = useContext(SurfaceContext);
  if (!isText(value)) return null;
  if (value.type === 'mrkdwn' && surface) return <Mrkdwn text={value.text} names={surface.names} />;
  return <>{value.text}</>;
}
