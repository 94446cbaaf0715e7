import { userInfo } from 'node:os';
import { exportAudit } from './cli/audit-export.js';
import { errorText, helpText, replyText } from './cli/render-text.js';
import { ConfigError, loadConfig, secretValues } from './config.js';
import { buildContainer } from './container.js';
import { describeError } from './error-text.js';
import { createLogger } from './logger.js';
import { PolicyFileError } from './policy-file.js';

const USAGE = `Usage:
  npm run cli -- audit-export [--since YYYY-MM-DD]   the audit trail as JSON lines on stdout
  npm run cli -- <command>                            any /openai command, e.g. "users list"
  npm run cli -- help                                 every command`;

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  const config = loadConfig(undefined, { slack: 'optional' });
  const logger = createLogger({ level: 'warn', destination: process.stderr, secrets: secretValues(config) });
  const container = await buildContainer(config, { logger });
  try {
    if (argv[0] === 'audit-export') {
      const since = argv[1] === '--since' ? Date.parse(`${argv[2]}T00:00:00Z`) : undefined;
      if (since !== undefined && Number.isNaN(since)) {
        process.stderr.write(`"${argv[2]}" is not a date (YYYY-MM-DD).\n`);
        return 2;
      }
      const count = await exportAudit(container.store, process.stdout, since);
      process.stderr.write(`${count} audit entries exported\n`);
      return 0;
    }
    const actor = { userId: `cli:${userInfo().username}`, source: 'cli' as const };
    const quoted = argv.map((arg) => (/\s/.test(arg) ? `"${arg.replace(/"/g, '')}"` : arg)).join(' ');
    const outcome = await container.commands.handle(actor, quoted);
    // The command line has no forms: the command service asks it for every argument instead.
    if (outcome.kind === 'picker' || outcome.kind === 'form') process.stdout.write(`${USAGE}\n`);
    else if (outcome.kind === 'help') process.stdout.write(`${helpText(outcome.entries)}\n`);
    else process.stdout.write(`${replyText(outcome.reply)}\n`);
    return 0;
  } catch (error) {
    const text = describeError(error);
    if (!text.expected) logger.error({ err: error }, 'command failed');
    process.stderr.write(`${errorText(text)}\n`);
    return 1;
  } finally {
    await container.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof PolicyFileError;
    process.stderr.write(`${known ? (error as Error).message : `Failed: ${String(error)}`}\n`);
    process.exit(1);
  },
);
