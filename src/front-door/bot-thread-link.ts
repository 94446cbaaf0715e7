import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import { SharedAdmission } from './admission.js';
import type { CommandHandover } from './command-door.js';
import type { BotThreadData, BotThreadOptions, FromBotThread, ToBotThread } from './messages.js';
import { yieldOtherThreads } from './thread-priority.js';

/** The bot thread could not start; `plain` when the message explains itself (configuration, policy file). */
export class BotThreadFailed extends Error {
  readonly plain: boolean;
  constructor(message: string, plain: boolean) {
    super(message);
    this.name = 'BotThreadFailed';
    this.plain = plain;
  }
}

export interface BotThread extends CommandHandover {
  /** The bot's own HTTP port, on loopback. */
  readonly port: number;
  /** Stops the bot (it waits up to `graceMs` for work in flight), then ends the thread. */
  stop(graceMs: number): Promise<void>;
}

/**
 * The bot thread's young generation. Answers allocate briskly and most of it dies young. At 16 MB, 200 approvals
 * clicked at once spent about 7% of the thread's time collecting it, and the slowest of them settled noticeably
 * later than at 48 MB; at 48 MB a 30-second flood still keeps under 20 MB more resident than at idle.
 */
const BOT_YOUNG_GENERATION_MB = 48;

/** Run from source (tsx), the thread needs tsx's loader too; built, it is plain JavaScript. */
function botThreadEntry(): { url: URL; execArgv?: string[] } {
  const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');
  const url = new URL(fromSource ? './bot-thread.ts' : './bot-thread.js', import.meta.url);
  return fromSource ? { url, execArgv: ['--import', 'tsx'] } : { url };
}

/**
 * Starts the bot in a worker thread and waits until it listens. `onUnexpectedExit` is told if the thread ends
 * without being asked: the process cannot serve without it.
 */
export async function startBotThread(
  config: Config,
  onUnexpectedExit: (code: number, error: Error | undefined) => void,
  options: BotThreadOptions = {},
): Promise<BotThread> {
  const admission = new SharedAdmission();
  const entry = botThreadEntry();
  const data: BotThreadData = { config, admission: admission.buffer, options };
  const worker = new Worker(entry.url, {
    workerData: data,
    resourceLimits: { maxYoungGenerationSizeMb: BOT_YOUNG_GENERATION_MB },
    ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
  });
  let stopping = false;
  const started = await new Promise<number>((resolve, reject) => {
    const onMessage = (message: FromBotThread) => {
      if (message.kind === 'started') resolve(message.port);
      if (message.kind === 'failed') reject(new BotThreadFailed(message.message, message.plain));
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new BotThreadFailed(`the bot thread ended with code ${code}`, false)));
  }).catch(async (error: unknown) => {
    stopping = true;
    await worker.terminate();
    throw error;
  });
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  let failure: Error | undefined;
  worker.on('error', (error) => {
    failure = error;
  });
  worker.once('exit', (code) => {
    if (!stopping) onUnexpectedExit(code, failure);
  });
  yieldOtherThreads();
  let stopped: Promise<void> | undefined;
  return {
    port: started,
    admission,
    handOver(formBody, ackSeconds) {
      worker.postMessage({ kind: 'command', body: formBody, ackSeconds } satisfies ToBotThread);
    },
    stop(graceMs) {
      stopped ??= (async () => {
        stopping = true;
        const done = new Promise<void>((resolve) => {
          worker.on('message', (message: FromBotThread) => {
            if (message.kind === 'stopped') resolve();
          });
          worker.once('exit', () => resolve());
        });
        worker.postMessage({ kind: 'stop', graceMs } satisfies ToBotThread);
        await done;
        await worker.terminate();
      })();
      return stopped;
    },
  };
}
