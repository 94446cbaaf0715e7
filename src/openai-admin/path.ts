/**
 * Builds an API path with every interpolated value percent-encoded, so an id typed in Slack can never
 * reach another endpoint (`../`, `?`, `#` and `/` are all encoded; `.` and `..` alone are refused).
 *
 * @example path`/organization/users/${userId}` // '/organization/users/user%2F1'
 */
export function path(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce((out, part, i) => {
    if (i === 0) return part;
    const value = values[i - 1] ?? '';
    if (value === '' || value === '.' || value === '..') throw new TypeError(`Invalid path segment: "${value}"`);
    return out + encodeURIComponent(value) + part;
  }, '');
}
