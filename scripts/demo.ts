/** `npm run demo`: Rapport against the LinkedIn simulator, no account needed. Stays up until Ctrl-C. */
import { parseArgs } from 'node:util';
import { startDemo } from './demo-host.js';

const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: true });
const demo = await startDemo({ port: values.port ? Number(values.port) : 0 });
if (!demo.host.hasPanel) console.log('The control panel is not built: run `npm run build:renderer` first.');
console.log('Rapport demo: the LinkedIn simulator has a few birthdays today and the simulated account is connected.');
console.log(`Control panel (signed in): ${demo.signInUrl}`);
console.log(`Simulated LinkedIn: ${demo.sim.url}`);
console.log(`Throw-away data folder: ${demo.dataDir}`);
console.log('Look at today’s plan, press Dry run, then Run now, and watch. Ctrl-C stops and removes the folder.');

let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  console.log('Stopping the demo…');
  demo.stop().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
