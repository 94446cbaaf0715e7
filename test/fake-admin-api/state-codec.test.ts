import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { OrganizationFile } from '../../src/playground/openai-org/persistence/organization-file.js';

/** A part of the state made by a class, pointing back at the state that owns it, as role books and counters do. */
class Ledger {
  private readonly entries = new Map<string, { amount: number; tags: Set<string> }>();
  history: number[] = [];

  constructor(readonly owner: Organization) {}

  add(id: string, amount: number, ...tags: string[]): void {
    this.entries.set(id, { amount, tags: new Set(tags) });
    this.history.push(amount);
  }

  total(): number {
    return [...this.entries.values()].reduce((sum, entry) => sum + entry.amount, 0);
  }
}

class Organization {
  readonly ledger = new Ledger(this);
  readonly people = new Map<string, { name: string | null; projects: Map<string, string> }>();
  readonly log: { id: string; payload: Record<string, unknown> }[] = [];
  note: string | undefined = undefined;
  secret = 'never kept';
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function path(): string {
  const dir = mkdtempSync(join(tmpdir(), 'organization-file-'));
  dirs.push(dir);
  return join(dir, 'organization.db');
}

function saved(file: string, make: (org: Organization) => void): void {
  const org = new Organization();
  make(org);
  const store = new OrganizationFile(file, ['secret']);
  store.save(org);
  store.close();
}

function loaded(file: string): Organization {
  const org = new Organization();
  const store = new OrganizationFile(file, ['secret']);
  expect(store.loadInto(org)).toBe(true);
  store.close();
  return org;
}

describe('an organization file', () => {
  it('keeps maps, sets, arrays and class-made parts and reads them back into the new organization’s own objects', () => {
    const file = path();
    saved(file, (org) => {
      org.people.set('user_1', { name: 'Ada', projects: new Map([['proj_1', 'owner']]) });
      org.people.set('user_2', { name: null, projects: new Map() });
      org.ledger.add('a', 12.5, 'gpt-4o', 'input');
      org.ledger.add('b', 0.25);
      org.log.push({ id: 'audit_log-1', payload: { nested: { list: [1, 'two', null] } } });
      org.note = 'kept';
      org.secret = 'sk-admin-from-the-file';
    });
    const org = new Organization();
    const ledger = org.ledger;
    const store = new OrganizationFile(file, ['secret']);
    store.loadInto(org);
    store.close();
    expect(org.ledger).toBe(ledger);
    expect(org.ledger.owner).toBe(org);
    expect(org.ledger.total()).toBe(12.75);
    expect(org.ledger.history).toEqual([12.5, 0.25]);
    expect(org.people.get('user_1')?.projects.get('proj_1')).toBe('owner');
    expect([...org.people.keys()]).toEqual(['user_1', 'user_2']);
    expect(org.log).toEqual([{ id: 'audit_log-1', payload: { nested: { list: [1, 'two', null] } } }]);
    expect(org.note).toBe('kept');
    expect(org.secret).toBe('never kept');
  });

  it('forgets a field once it is unset, and writes nothing when nothing changed', () => {
    const file = path();
    const org = new Organization();
    org.note = 'for now';
    const store = new OrganizationFile(file);
    expect(store.save(org)).toBeGreaterThan(0);
    expect(store.save(org)).toBe(0);
    org.note = undefined;
    org.ledger.add('c', 3);
    expect(store.save(org)).toBe(2);
    store.close();
    expect(loaded(file).note).toBeUndefined();
    expect(loaded(file).ledger.total()).toBe(3);
  });

  it('reports a file that holds no organization yet, and refuses one written in another format', () => {
    const file = path();
    const store = new OrganizationFile(file);
    expect(store.loadInto(new Organization())).toBe(false);
    store.close();
    const db = new SqliteDatabase(file);
    db.prepare("INSERT INTO organization_meta (name, value) VALUES ('format', '99')").run();
    db.close();
    const again = new OrganizationFile(file);
    expect(() => again.loadInto(new Organization())).toThrow(`${file} holds an emulated organization in format 99`);
    again.close();
  });
});
