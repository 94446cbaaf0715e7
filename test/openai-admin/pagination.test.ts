import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idCursorPage, nextCursorPage, pageTokenPage } from '../../src/openai-admin/pagination.js';

describe('page schemas', () => {
  const item = z.looseObject({ id: z.string() });

  it('are built once per item schema and page style, so zod compiles each once and not on every call', () => {
    expect(idCursorPage(item)).toBe(idCursorPage(item));
    expect(nextCursorPage(item)).toBe(nextCursorPage(item));
    expect(pageTokenPage(item)).toBe(pageTokenPage(item));
    expect(idCursorPage(item)).not.toBe(nextCursorPage(item));
    expect(idCursorPage(item)).not.toBe(idCursorPage(z.looseObject({ id: z.string() })));
  });

  it('check the page of their own item schema', () => {
    const page = idCursorPage(item).parse({ data: [{ id: 'user_1', extra: 1 }], last_id: 'user_1' });
    expect(page).toEqual({ data: [{ id: 'user_1', extra: 1 }], has_more: false, last_id: 'user_1' });
    expect(idCursorPage(item).safeParse({ data: [{ name: 'no id' }] }).success).toBe(false);
  });
});
