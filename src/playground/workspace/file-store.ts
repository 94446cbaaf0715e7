import { extname } from 'node:path';
import type { SharedFile } from './model.js';

interface Pending {
  name: string;
  altText: string | undefined;
  bytes: Buffer | undefined;
}

const MIME_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.txt': 'text/plain',
};

export const mimeOf = (name: string): string => MIME_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';

/** Files of the v2 upload flow: announced, then their bytes arrive, then they are shared into a conversation. */
export class FileStore {
  readonly #pending = new Map<string, Pending>();
  readonly #shared = new Map<string, { file: SharedFile; bytes: Buffer }>();
  readonly #baseUrl: () => string;
  #seq = 0;

  constructor(baseUrl: () => string, files: readonly { file: SharedFile; base64: string }[] = []) {
    this.#baseUrl = baseUrl;
    for (const { file, base64 } of files) {
      this.#shared.set(file.id, { file, bytes: Buffer.from(base64, 'base64') });
      this.#seq = Math.max(this.#seq, Number(file.id.replace(/\D/g, '')) || 0);
    }
  }

  /** `files.getUploadURLExternal`: a file id and where to send its bytes. */
  announce(name: string, altText: string | undefined): { fileId: string; uploadUrl: string } {
    this.#seq += 1;
    const fileId = `FPLAY${String(this.#seq).padStart(6, '0')}`;
    this.#pending.set(fileId, { name, altText, bytes: undefined });
    return { fileId, uploadUrl: `${this.#baseUrl()}/upload/${fileId}` };
  }

  receive(fileId: string, bytes: Buffer): boolean {
    const pending = this.#pending.get(fileId);
    if (!pending) return false;
    pending.bytes = bytes;
    return true;
  }

  /** `files.completeUploadExternal`: the files whose bytes arrived, now shared; undefined if any is missing. */
  complete(files: readonly { id: string; title?: string | undefined }[]): SharedFile[] | undefined {
    const ready = files.map((f) => ({ f, pending: this.#pending.get(f.id) }));
    if (ready.some(({ pending }) => !pending?.bytes)) return undefined;
    return ready.map(({ f, pending }) => {
      const bytes = pending?.bytes as Buffer;
      const name = pending?.name ?? f.id;
      const file: SharedFile = {
        id: f.id,
        name,
        title: f.title ?? name,
        mimetype: mimeOf(name),
        altText: pending?.altText,
        size: bytes.length,
        url: `/files/${f.id}/${encodeURIComponent(name)}`,
      };
      this.#pending.delete(f.id);
      this.#shared.set(f.id, { file, bytes });
      return file;
    });
  }

  get(fileId: string): { file: SharedFile; bytes: Buffer } | undefined {
    return this.#shared.get(fileId);
  }

  all(): { file: SharedFile; base64: string }[] {
    return [...this.#shared.values()].map(({ file, bytes }) => ({ file, base64: bytes.toString('base64') }));
  }
}
