// The bot itself, in a worker thread behind the front door: Bolt, the container and every scheduler, listening on
// loopback only. Acknowledging commands is the front door's job, so work here is not paced to leave room for it.
import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import { startBot } from '../bot.js';
import { ConfigError } from '../config.js';
import { PolicyFileError } from '../policy-file.js';
import { SharedAdmission } from './admission.js';
import { commandIntake } from './command-intake.js';
import type { BotThreadData, FromBotThread, ToBotThread } from './messages.js';

const settledWithin = (work: Promise<unknown>, ms: number) =>
  Promise.race([work, new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);

const port = parentPort;
if (!port) throw new Error('bot-thread.ts runs only as a worker thread started by the front door');
const tell = (message: FromBotThread) => port.postMessage(message);
const data = workerData as BotThreadData;
const admission = new SharedAdmission(data.admission);

try {
  const bot = await startBot(data.config, {
    listen: { host: '127.0.0.1', port: 0 },
    // Asynchronous writes still on their way when the thread is ended are lost, and pino's flush does not wait for
    // them: the bot thread writes its log synchronously (it logs little at info), so nothing it said goes missing.
    logDestination: pino.destination({ dest: 1, sync: true }),
    inFlightOptions: { paced: false, onOpenChange: (open) => admission.set(open) },
    ...data.options,
  });
  const intake = commandIntake({
    app: bot.app,
    apiUrl: data.config.slack.apiUrl,
    logger: bot.container.logger,
    observeAck: (seconds) => bot.container.metrics.ackSeconds.observe({ kind: 'command' }, seconds),
  });
  // Commands taken whose listener has not run yet: their work is not in the queue the stop drains.
  const arriving = new Set<Promise<void>>();
  port.on('message', (message: ToBotThread) => {
    if (message.kind === 'command') {
      admission.noteTaken();
      const taken: Promise<void> = intake(message.body, message.ackSeconds).finally(() => arriving.delete(taken));
      arriving.add(taken);
    } else if (message.kind === 'stop') {
      const deadline = Date.now() + message.graceMs;
      void settledWithin(Promise.allSettled(arriving), message.graceMs)
        .then(() => bot.stop(Math.max(0, deadline - Date.now())))
        .catch((error: unknown) => bot.container.logger.error({ err: error }, 'the bot did not stop cleanly'))
        .finally(() => tell({ kind: 'stopped' }));
    }
  });
  tell({ kind: 'started', port: bot.port ?? 0 });
} catch (error) {
  const plain = error instanceof ConfigError || error instanceof PolicyFileError;
  tell({ kind: 'failed', message: error instanceof Error ? error.message : String(error), plain });
}
