import type { FakeState } from '../../src/playground/openai-org/index.js';

/** Active projects of the seeded organization other than the default one, in creation order. */
export const activeProjects = (state: FakeState) =>
  [...state.projects.values()].filter((p) => !p.isDefault && p.archivedAt === null);
