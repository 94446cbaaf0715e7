import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

export interface SignedPost {
  status: number;
  text: string;
  ms: number;
}

/** Signs a body the way Slack does: v0=HMAC-SHA256(secret, "v0:<ts>:<body>"). */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Posts a form body to the bot's /slack/events, signed unless told otherwise. */
export async function postSigned(
  botUrl: string,
  body: string,
  options: { timestamp?: number; signature?: string; secret?: string } = {},
): Promise<SignedPost> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(`${botUrl}/slack/events`, {
    method: 'POST',
    body,
    headers: {
      // Bolt compares this header exactly; a URLSearchParams body would add ";charset=UTF-8".
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? sign(body, timestamp, options.secret),
    },
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

export interface CommandFields {
  text: string;
  userId?: string;
  channelId?: string;
  responseUrl: string;
  triggerId?: string;
}

/** The form body of a `/openai` slash command. */
export function commandBody(fields: CommandFields): string {
  return new URLSearchParams({
    token: 'deprecated',
    team_id: 'T1',
    team_domain: 'acme',
    channel_id: fields.channelId ?? 'COPS',
    channel_name: 'ops',
    user_id: fields.userId ?? 'UADMIN',
    user_name: 'someone',
    command: '/openai',
    text: fields.text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? '111.222.abc',
  }).toString();
}

/** The form body of an interactive payload (`block_actions`, `view_submission`). */
export function payloadBody(payload: Record<string, unknown>): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
