import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { z } from 'zod';
import { decodeValue, encodeFields, restoreField } from './state-codec.js';

/** Version of the layout below; a file in another one is refused with a clear message rather than misread. */
const FORMAT = '1';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS organization_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS organization_fields (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

const fieldRows = z.array(z.strictObject({ name: z.string().min(1), value: z.string() }));
const metaRow = z.strictObject({ value: z.string() }).optional();

/**
 * One emulated organization kept in a SQLite file: a row per field of its state, as JSON. A save writes only
 * the fields whose JSON changed since the last save or load, in one transaction. The file is held with an
 * exclusive lock while open, so a second organization cannot write over it.
 */
export class OrganizationFile {
  readonly #db: SqliteDatabase.Database;
  readonly #saved = new Map<string, string>();
  readonly #skip: ReadonlySet<string>;

  /** Opens (creating it and its folder when missing) the file at `path`; fields named in `skip` are never kept. */
  constructor(
    readonly path: string,
    skip: Iterable<string> = [],
  ) {
    this.#skip = new Set(skip);
    mkdirSync(dirname(resolve(path)), { recursive: true });
    this.#db = new SqliteDatabase(path, { timeout: 2_000 });
    try {
      this.#db.pragma('locking_mode = EXCLUSIVE');
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = NORMAL');
      this.#db.exec(SCHEMA);
    } catch (error) {
      this.#db.close();
      const busy = (error as { code?: string }).code === 'SQLITE_BUSY';
      if (busy) throw new Error(`${path} is in use by another running emulated organization.`);
      throw error;
    }
  }

  /** Restores the saved organization into `target`; `false` (nothing changed) when the file holds none yet. */
  loadInto(target: object): boolean {
    const format = metaRow.parse(this.#db.prepare('SELECT value FROM organization_meta WHERE name = ?').get('format'));
    if (format === undefined) return false;
    if (format.value !== FORMAT) {
      throw new Error(
        `${this.path} holds an emulated organization in format ${format.value}; this version reads ${FORMAT}.`,
      );
    }
    const rows = fieldRows.parse(this.#db.prepare('SELECT name, value FROM organization_fields').all());
    for (const { name, value } of rows) {
      if (this.#skip.has(name)) continue;
      restoreField(target as Record<string, unknown>, name, decodeValue(JSON.parse(value)));
      this.#saved.set(name, value);
    }
    return true;
  }

  /**
   * Writes the fields of `source` (only those named in `only`, when given) that changed since the last save or
   * load; returns how many rows it touched.
   */
  save(source: object, only?: readonly string[]): number {
    const fields = encodeFields(source, this.#skip, only);
    const writes: [string, string][] = [];
    const deletes: string[] = [];
    for (const [name, json] of fields) {
      if (json === undefined) {
        if (this.#saved.has(name)) deletes.push(name);
      } else if (this.#saved.get(name) !== json) writes.push([name, json]);
    }
    if (!only) for (const name of this.#saved.keys()) if (!fields.has(name)) deletes.push(name);
    if (writes.length + deletes.length === 0 && this.#saved.size > 0) return 0;
    const upsert = this.#db.prepare(
      'INSERT INTO organization_fields (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    );
    const remove = this.#db.prepare('DELETE FROM organization_fields WHERE name = ?');
    const meta = this.#db.prepare(
      'INSERT INTO organization_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    );
    this.#db.transaction(() => {
      for (const [name, json] of writes) upsert.run(name, json);
      for (const name of deletes) remove.run(name);
      meta.run('format', FORMAT);
    })();
    for (const [name, json] of writes) this.#saved.set(name, json);
    for (const name of deletes) this.#saved.delete(name);
    return writes.length + deletes.length;
  }

  close(): void {
    this.#db.close();
  }
}
