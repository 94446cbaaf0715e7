// The baseline: a Bolt app that only acknowledges /openai and answers /healthz, configured like the bot.
import type { AddressInfo, Server } from 'node:net';
import { App, LogLevel } from '@slack/bolt';

const app = new App({
  token: process.env.SLACK_BOT_TOKEN ?? '',
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  convoStore: false,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      },
    },
  ],
});
app.command('/openai', async ({ ack }) => ack());
const server = (await app.start(Number(process.env.PORT ?? 0))) as unknown as Server;
process.stdout.write(`PORT=${(server.address() as AddressInfo).port}\nREADY\n`);
process.once('SIGTERM', () => {
  app.stop().then(() => process.exit(0));
});
