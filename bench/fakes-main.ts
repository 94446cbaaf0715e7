// The fake Slack and fake Admin API in a process of their own, as the real services would be.
import { startFakeAdminApi } from '../test/helpers/fake-admin-api/index.js';
import { FakeSlack } from '../test/helpers/fake-slack.js';

const slack = await new FakeSlack().start();
const openai = await startFakeAdminApi({
  adminKey: process.env.BENCH_ADMIN_KEY ?? 'sk-admin-bench-key',
  delayMs: Number(process.env.BENCH_ADMIN_DELAY_MS ?? 0),
});
// The fakes keep every request for tests; a long benchmark only needs them answered.
setInterval(() => {
  slack.calls.length = 0;
  openai.requests.length = 0;
}, 1_000).unref();
process.stdout.write(`SLACK_API_URL=${slack.apiUrl}\nSLACK_URL=${slack.url}\nOPENAI_BASE_URL=${openai.url}\nREADY\n`);
process.once('SIGTERM', () => {
  Promise.all([slack.close(), openai.close()]).then(() => process.exit(0));
});
