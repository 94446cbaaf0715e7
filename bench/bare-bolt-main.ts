// The baseline: a Bolt app that only acknowledges /openai, configured like the bot.
import type { AddressInfo, Server } from 'node:net';
import { App, LogLevel } from '@slack/bolt';

const app = new App({
  token: process.env.SLACK_BOT_TOKEN ?? '',
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  convoStore: false,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
});
app.command('/openai', async ({ ack }) => ack());
const server = (await app.start(0)) as unknown as Server;
process.stdout.write(`PORT=${(server.address() as AddressInfo).port}\nREADY\n`);
process.once('SIGTERM', () => {
  app.stop().then(() => process.exit(0));
});
