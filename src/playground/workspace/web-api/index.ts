import { chatMethods } from './chat.js';
import { fileMethods } from './files.js';
import { peopleMethods } from './people.js';
import type { Method } from './types.js';
import { viewMethods } from './views.js';

export type { Method } from './types.js';

/** Every Web API method the emulated workspace answers, by name (`chat.postMessage`). */
export const WEB_API_METHODS: Readonly<Record<string, Method>> = {
  ...chatMethods,
  ...viewMethods,
  ...peopleMethods,
  ...fileMethods,
};
