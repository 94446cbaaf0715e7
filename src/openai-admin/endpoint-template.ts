/** Every fixed path segment of the Admin API; any other segment is an id or a name. */
const LITERAL_SEGMENTS = new Set([
  'activate',
  'admin_api_keys',
  'api_keys',
  'archive',
  'audio_speeches',
  'audio_transcriptions',
  'audit_logs',
  'certificates',
  'code_interpreter_sessions',
  'completions',
  'costs',
  'data_retention',
  'deactivate',
  'embeddings',
  'file_search_calls',
  'groups',
  'hosted_tool_permissions',
  'images',
  'invites',
  'model_permissions',
  'moderations',
  'organization',
  'projects',
  'rate_limits',
  'roles',
  'service_accounts',
  'spend_alerts',
  'spend_limit',
  'usage',
  'users',
  'vector_stores',
  'web_search_calls',
]);

/**
 * The template of an Admin API path, ids replaced by `{id}` (`/organization/projects/proj_1/users/u_2` →
 * `/organization/projects/{id}/users/{id}`), so metric labels stay few whatever ids people type.
 */
export function endpointTemplate(path: string): string {
  const [pathname = ''] = path.split('?');
  return pathname
    .split('/')
    .map((segment) => (segment === '' || LITERAL_SEGMENTS.has(segment) ? segment : '{id}'))
    .join('/');
}
