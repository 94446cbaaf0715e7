/** Posts a console action; resolves with the JSON answer (if any), rejects with the server's words. */
export async function post<T = unknown>(route: string, body: unknown): Promise<T | undefined> {
  const response = await fetch(`/console/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status === 204) return undefined;
  const answer = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new Error(answer.error ?? `The playground answered HTTP ${response.status}.`);
  return answer as T;
}
