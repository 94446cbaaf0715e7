import type { FakeState } from '../state/fake-state.js';
import { OrganizationFile } from './organization-file.js';

/**
 * What a read changes: only the last-use time of the admin key it was made with. Saving just that keeps reads
 * fast however much history the organization holds; any other request saves every field that changed.
 */
const CHANGED_BY_READS = ['adminKeys'];

/** An organization kept in a SQLite file. */
export interface PersistedOrganization {
  /** Saves what a request with this method changed. */
  saveAfter(method: string): void;
  /** Saves every field that changed since the last save. */
  save(): void;
  /** Closes the file; saving afterwards does nothing. */
  close(): void;
}

/**
 * Opens the organization kept in the SQLite file at `path` into `state`; a file that holds none yet (or does
 * not exist) gets the organization `seed` makes, saved at once. The admin key the organization is started with
 * is never taken from the file: it stays the value of the organization's own key, so the bot that runs with it
 * is let in and recognises its key across restarts.
 */
export function openPersistedOrganization(
  path: string,
  state: FakeState,
  seed: (state: FakeState) => void,
): PersistedOrganization {
  const file = new OrganizationFile(path, ['adminKey']);
  try {
    if (file.loadInto(state)) {
      const own = state.adminKeys.get(state.botKeyId);
      if (own) own.value = state.adminKey;
    } else {
      seed(state);
    }
    file.save(state);
  } catch (error) {
    file.close();
    throw error;
  }
  let open = true;
  return {
    saveAfter: (method) => {
      if (open) file.save(state, method === 'GET' || method === 'HEAD' ? CHANGED_BY_READS : undefined);
    },
    save: () => {
      if (open) file.save(state);
    },
    close: () => {
      if (open) file.close();
      open = false;
    },
  };
}
