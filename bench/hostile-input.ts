import { benchLongCommand } from './long-command.js';
import { benchParseScaling } from './parse-scaling.js';

/** Hostile command text: reading it stays linear in its length, and the longest command does not slow others. */
export async function benchHostileInput(): Promise<boolean> {
  const linear = benchParseScaling();
  const beside = await benchLongCommand();
  return linear && beside;
}
