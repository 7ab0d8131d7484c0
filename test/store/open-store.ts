/** Child process for store.test.ts: open (and so migrate) the store at argv[2], then close it. */
import { openStore } from '../../src/store/index.js';

const location = process.argv[2];
if (!location) throw new Error('usage: open-store <location>');
const store = await openStore(location);
await store.close();
process.stdout.write('ok\n');
