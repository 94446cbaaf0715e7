import { conflict, notFound } from '../api-error.js';
import type { GroupRecord, ProjectGroupRecord, ProjectRecord } from './records.js';
import type { StateCore } from './state-core.js';

export interface NewProjectGroup {
  groupId: string;
  /** The project role the group gets, by id (`role_…`). */
  role: string;
}

/**
 * Gives a group access to an active project; 404 for an unknown group, 409 when it has access already. Project
 * roles are not modelled here, so any role id is taken as given.
 */
export function addProjectGroup(state: StateCore, projectId: string, input: NewProjectGroup): ProjectGroupRecord {
  const project = state.requireActiveProject(projectId);
  if (!state.groups.has(input.groupId)) throw notFound('group', input.groupId, 'group_id');
  if (project.groups.has(input.groupId)) {
    throw conflict(`Group ${input.groupId} already has access to project ${projectId}.`, 'group_id', 'already_exists');
  }
  const record: ProjectGroupRecord = { groupId: input.groupId, roleId: input.role, addedAt: state.now };
  project.groups.set(record.groupId, record);
  return record;
}

/** The group's access to the project, or a 404. */
export function requireProjectGroup(project: ProjectRecord, groupId: string): ProjectGroupRecord {
  const record = project.groups.get(groupId);
  if (!record) throw notFound('project group', groupId);
  return record;
}

/** Deletes a group together with its access to every project. */
export function deleteGroup(state: StateCore, group: GroupRecord): void {
  state.groups.delete(group.id);
  for (const project of state.projects.values()) project.groups.delete(group.id);
}
