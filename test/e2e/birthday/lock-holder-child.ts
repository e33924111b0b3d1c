// Holds a data folder's lock the way the Electron app does (no HTTP API) until it is killed.
import { tryAcquireDataLock } from '../../../src-main/core/data-lock.js';

const [dataDir] = process.argv.slice(2);
const attempt = tryAcquireDataLock(dataDir, 'app');
process.stdout.write(attempt.acquired ? 'locked\n' : `held by ${attempt.holder.pid}\n`);
setInterval(() => undefined, 60_000);
