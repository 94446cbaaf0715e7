import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { UserActions } from '../interactions/user-actions.js';
import { readBody } from '../workspace/http.js';
import { userById } from '../workspace/seed.js';

const userId = z.string().refine((id) => userById(id) !== undefined, 'No such person in the workspace.');
const state = z.record(z.string(), z.record(z.string(), z.looseObject({ type: z.string() })));
const option = z.object({ text: z.object({ type: z.literal('plain_text'), text: z.string() }), value: z.string() });

const action = z.object({
  type: z.string().max(40),
  action_id: z.string().max(255),
  block_id: z.string().max(255),
  value: z.string().max(2000).optional(),
  selected_option: option.optional(),
  selected_options: z.array(option).max(100).optional(),
  selected_date: z.string().max(10).optional(),
  text: z.object({ type: z.literal('plain_text'), text: z.string() }).optional(),
});

const requests = {
  send: z.object({ userId, channel: z.string(), text: z.string().max(40_000), threadTs: z.string().optional() }),
  click: z.object({
    userId,
    messageKey: z.string().optional(),
    viewId: z.string().optional(),
    action,
    state: state.optional(),
  }),
  submit: z.object({ userId, viewId: z.string(), state }),
  close: z.object({ userId, viewId: z.string() }),
  suggest: z.object({
    userId,
    viewId: z.string().optional(),
    actionId: z.string(),
    blockId: z.string(),
    value: z.string().max(200),
  }),
  home: z.object({ userId }),
};

type Route = keyof typeof requests;

const reply = (res: ServerResponse, status: number, body?: unknown) => {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

/**
 * What the console's page asks for: `POST /console/<send|click|submit|close|suggest|home>` with a JSON body (JSON
 * only, so no other site's form can post here). Each becomes a signed request to the bot as the chosen person.
 */
export async function handleConsoleAction(
  actions: UserActions,
  req: IncomingMessage,
  res: ServerResponse,
  route: string,
): Promise<void> {
  if (!(route in requests)) return reply(res, 404, { error: 'No such console action.' });
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return reply(res, 415, { error: 'Send JSON.' });
  }
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req)).toString('utf8'));
  } catch {
    return reply(res, 400, { error: 'The request is not JSON.' });
  }
  const parsed = requests[route as Route].safeParse(body);
  if (!parsed.success) return reply(res, 400, { error: parsed.error.issues[0]?.message ?? 'Bad request.' });
  try {
    const answer = await run(actions, route as Route, parsed.data);
    reply(res, answer === undefined ? 204 : 200, answer);
  } catch (error) {
    reply(res, 409, { error: error instanceof Error ? error.message : String(error) });
  }
}

type Handlers = { [K in Route]: (actions: UserActions, body: z.output<(typeof requests)[K]>) => Promise<unknown> };

const handlers: Handlers = {
  send: (actions, body) => actions.send(body.userId, body.channel, body.text, body.threadTs),
  click: (actions, body) =>
    body.viewId
      ? actions.clickInView(body.userId, body.viewId, body.action, body.state)
      : actions.clickInMessage(body.userId, body.messageKey ?? '', body.action),
  submit: (actions, body) => actions.submit(body.userId, body.viewId, body.state),
  close: (actions, body) => actions.close(body.userId, body.viewId),
  suggest: (actions, body) => actions.suggest(body.userId, body.viewId, body),
  home: (actions, body) => actions.openHome(body.userId),
};

/** Runs one route's handler with a body its schema has parsed. */
const run = <K extends Route>(actions: UserActions, route: K, body: z.output<(typeof requests)[K]>) =>
  handlers[route](actions, body);
