import { startEmulatedOrganization } from '../../src/playground/openai-org/index.js';
import { ADMIN_KEY } from './fake-client.js';

// Runs an emulated organization kept in the file named by the first argument, in a process of its own, so a
// test can kill it the hard way and start another on the same file.
const persistFile = process.argv[2];
if (!persistFile) throw new Error('usage: organization-process.ts <file>');
const api = await startEmulatedOrganization({ persistFile, adminKey: ADMIN_KEY });
process.stdout.write(`READY ${api.url}\n`);
