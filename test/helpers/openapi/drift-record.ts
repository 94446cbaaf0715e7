import { type Exchange, ExchangeValidator } from './exchange-validator.js';

let validator: ExchangeValidator | undefined;
const violations: string[] = [];
const validated = new Set<string>();
let tolerated = 0;

/**
 * Checks one exchange with the fake Admin API against the OpenAPI document and keeps what it finds for the
 * test that caused it (see test/setup/openapi-drift.ts). A request outside the document is drift when the fake
 * accepted it; refused with an error, the fake held to the document (tests of bad input do that on purpose).
 * Operations whose request and answer both matched the document count as validated.
 */
export function recordExchange(exchange: Exchange): void {
  validator ??= new ExchangeValidator();
  const report = validator.check(exchange);
  if (tolerated > 0) return;
  const refused = exchange.response !== undefined && exchange.response.status >= 400;
  const found = [...(refused ? [] : report.request), ...report.response];
  violations.push(...found);
  if (report.operationId && exchange.response && report.request.length + report.response.length === 0) {
    validated.add(report.operationId);
  }
}

/** Runs `action` with drift not recorded: for tests that send malformed requests on purpose. */
export async function toleratingDrift<T>(action: () => Promise<T>): Promise<T> {
  tolerated += 1;
  try {
    return await action();
  } finally {
    tolerated -= 1;
  }
}

/** Drift recorded since the last call, cleared. */
export function takeViolations(): string[] {
  return violations.splice(0);
}

export function validatedOperations(): string[] {
  return [...validated];
}

export function specOperationIds(): string[] {
  validator ??= new ExchangeValidator();
  return validator.operations.map((op) => op.id);
}
