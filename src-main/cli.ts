import { runCli } from './cli/index.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`Unexpected error: ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);
