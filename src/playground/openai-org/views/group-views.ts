import type { FakeState } from '../state/fake-state.js';
import type { ProjectGroupRecord, ProjectRecord } from '../state/records.js';

/** `project.group`: a group's access to a project. */
export function projectGroupView(state: FakeState, project: ProjectRecord, record: ProjectGroupRecord) {
  return {
    object: 'project.group',
    project_id: project.id,
    group_id: record.groupId,
    group_name: state.groups.get(record.groupId)?.name ?? record.groupId,
    group_type: 'group',
    created_at: record.addedAt,
  };
}
