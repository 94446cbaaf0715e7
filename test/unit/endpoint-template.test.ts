import { describe, expect, it } from 'vitest';
import { endpointTemplate } from '../../src/openai-admin/endpoint-template.js';

describe('Admin API endpoint templates for metric labels', () => {
  it.each([
    ['/organization/users', '/organization/users'],
    ['/organization/users/user-abc', '/organization/users/{id}'],
    ['/organization/projects/proj_1/users/user%2F1', '/organization/projects/{id}/users/{id}'],
    ['/organization/projects/proj_1/archive', '/organization/projects/{id}/archive'],
    ['/organization/projects/proj_1/rate_limits/rl-gpt', '/organization/projects/{id}/rate_limits/{id}'],
    ['/organization/usage/completions?start_time=1', '/organization/usage/completions'],
    ['/organization/spend_alerts/alert_9', '/organization/spend_alerts/{id}'],
  ])('%s → %s', (path, template) => {
    expect(endpointTemplate(path)).toBe(template);
  });
});
