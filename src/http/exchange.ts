import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';

/** A whole HTTP answer: status, headers and the body read to its end. */
export interface Exchanged {
  statusCode: number;
  headers: IncomingHttpHeaders;
  /** Empty when the body was not kept. */
  body: Buffer;
}

/** The exchange took longer than its `deadlineMs`, headers and body together, and was abandoned. */
export class DeadlineExceeded extends Error {
  constructor(ms: number) {
    super(`No complete answer within ${ms} ms`);
    this.name = 'DeadlineExceeded';
  }
}

export interface ExchangeOptions {
  /** Longest the whole exchange may take, headers and body together. */
  deadlineMs?: number;
  /** Keep the body (default) or read and drop it. */
  keepBody?: boolean;
  /** Longest body accepted, in bytes; a longer one ends the exchange with `tooLarge()`. */
  maxBytes?: number;
  tooLarge?: () => Error;
}

/**
 * Sends one request through an undici dispatcher and reads its answer whole, through undici's handler interface.
 * undici's `request()` wraps each answer in a stream and handler objects that outlive it by a garbage collection or
 * more: at a thousand requests a second that was megabytes moved at every minor collection, pauses of ten
 * milliseconds and more, against under one here. Rejects with the dispatcher's error (timeouts, refused
 * connections) as `request()` would.
 */
export function exchange(
  dispatcher: Dispatcher,
  request: Dispatcher.DispatchOptions,
  options: ExchangeOptions = {},
): Promise<Exchanged> {
  return new Promise((resolve, reject) => {
    const handler = new Collector(resolve, reject, options);
    try {
      dispatcher.dispatch(request, handler);
    } catch (error) {
      handler.onResponseError(undefined, error as Error);
    }
  });
}

/** Timer callback without a closure per exchange: the collector comes as the timer's argument. */
const expire = (collector: Collector) => collector.expire();

class Collector implements Dispatcher.DispatchHandler {
  readonly #resolve: (answer: Exchanged) => void;
  readonly #reject: (error: unknown) => void;
  readonly #options: ExchangeOptions;
  #controller: Dispatcher.DispatchController | undefined;
  #timer: NodeJS.Timeout | undefined;
  #expired: DeadlineExceeded | undefined;
  #statusCode = 0;
  #headers: IncomingHttpHeaders = {};
  #chunks: Buffer[] = [];
  #size = 0;

  constructor(resolve: (answer: Exchanged) => void, reject: (error: unknown) => void, options: ExchangeOptions) {
    this.#resolve = resolve;
    this.#reject = reject;
    this.#options = options;
    if (options.deadlineMs !== undefined) this.#timer = setTimeout(expire, options.deadlineMs, this);
  }

  expire(): void {
    this.#timer = undefined;
    this.#expired = new DeadlineExceeded(this.#options.deadlineMs ?? 0);
    this.#controller?.abort(this.#expired);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.#expired) controller.abort(this.#expired);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    this.#statusCode = statusCode;
    this.#headers = headers;
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#size += chunk.length;
    const { maxBytes, tooLarge } = this.#options;
    if (maxBytes !== undefined && this.#size > maxBytes) {
      controller.abort(tooLarge?.() ?? new Error(`Response larger than ${maxBytes} bytes`));
      return;
    }
    if (this.#options.keepBody !== false) this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    this.#settled();
    const chunks = this.#chunks;
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    this.#resolve({ statusCode: this.#statusCode, headers: this.#headers, body });
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    this.#settled();
    this.#reject(this.#expired ?? error);
  }

  #settled(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#controller = undefined;
  }
}
