import { App, type Receiver } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandIntake } from '../../src/front-door/command-intake.js';
import { createLogger } from '../../src/logger.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { BOT_TOKEN } from '../helpers/harness.js';
import { commandBody } from '../helpers/slack-requests.js';

const quietReceiver: Receiver = { init: () => undefined, start: async () => undefined, stop: async () => undefined };

describe('a command handed to the bot thread after the front door acknowledged it', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
  });
  afterAll(() => slack.close());

  const intakeSaying = (said: unknown, acks: number[]) => {
    const app = new App({ token: BOT_TOKEN, receiver: quietReceiver, clientOptions: { slackApiUrl: slack.apiUrl } });
    app.command('/openai', async ({ ack }) => ack(said as never));
    return commandIntake({
      app,
      apiUrl: slack.apiUrl,
      logger: createLogger({ level: 'silent' }),
      observeAck: (seconds) => acks.push(seconds),
    });
  };

  it('runs the listener and sends what it still says in its acknowledgement to the response URL', async () => {
    const acks: number[] = [];
    const intake = intakeSaying({ text: 'The bot is busy right now', blocks: [] }, acks);
    intake(commandBody({ text: 'users list', responseUrl: slack.responseUrl('late-busy') }), 0.002);
    const posted = await slack.waitForResponse('late-busy');
    expect(posted.body.text).toBe('The bot is busy right now');
    expect(posted.body.response_type).toBe('ephemeral');
    expect(acks).toEqual([0.002]);
  });

  it('sends nothing for an empty acknowledgement, nor to a response URL off Slack’s hosts', async () => {
    const quiet = intakeSaying(undefined, []);
    quiet(commandBody({ text: 'users list', responseUrl: slack.responseUrl('quiet') }), 0);
    const foreign = intakeSaying({ text: 'secret', blocks: [] }, []);
    foreign(commandBody({ text: 'users list', responseUrl: 'https://evil.example/response/x' }), 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.calls.some((call) => call.method === 'response:quiet')).toBe(false);
    expect(
      slack.calls.filter((call) => call.method.startsWith('response:') && call.method !== 'response:late-busy'),
    ).toHaveLength(0);
  });
});
