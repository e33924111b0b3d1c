import type { Run } from '../../src-shared/domain.js';
import type { Core } from '../core/app.js';
import { followRemoteProgress, progressLine } from './remote-progress.js';
import type { CliIo } from './types.js';
import type { CliCore } from './with-core.js';

const REMOTE_POLL_MS = 250;

/** A run in the process that owns the folder: asked for until it is over. */
async function pollRun(core: CliCore, runId: number): Promise<Run> {
  for (;;) {
    const run = await core.call('runs.get', { id: runId });
    if (run.status !== 'running') return run;
    await new Promise((r) => setTimeout(r, REMOTE_POLL_MS));
  }
}

/** Waits for a run to finish, printing its progress lines; Ctrl-C stops the run cleanly. */
export async function waitForRun(cli: CliCore, runId: number, io: CliIo, quiet: boolean): Promise<Run> {
  if (!cli.local) {
    const onSignal = () => {
      io.err('Stopping the run…');
      void cli.call('runs.stop', { id: runId });
    };
    process.once('SIGINT', onSignal);
    const following = new AbortController();
    try {
      if (!quiet) {
        io.err(`  run #${runId} runs in the Rapport process that owns the data folder`);
        if (cli.openEvents) void followRemoteProgress(cli.openEvents, runId, io, following.signal);
      }
      return await pollRun(cli, runId);
    } finally {
      following.abort();
      process.off('SIGINT', onSignal);
    }
  }
  return waitForLocalRun(cli.local, runId, io, quiet);
}

async function waitForLocalRun(core: Core, runId: number, io: CliIo, quiet: boolean): Promise<Run> {
  const offProgress = core.events.on('run.progress', (p) => {
    if (!quiet && p.runId === runId) io.err(progressLine(p));
  });
  const onSignal = () => {
    io.err('Stopping the run…');
    void core.call('runs.stop', { id: runId });
  };
  process.once('SIGINT', onSignal);
  try {
    const finished = new Promise<Run>((resolve) => {
      const off = core.events.on('run.finished', (run) => {
        if (run.id === runId) {
          off();
          resolve(run);
        }
      });
    });
    // The run may already be over by the time we subscribed.
    const current = await core.call('runs.get', { id: runId });
    return current.status === 'running' ? await finished : current;
  } finally {
    offProgress();
    process.off('SIGINT', onSignal);
  }
}

export function printRunSummary(run: Run, io: CliIo, json: boolean): number {
  if (json) io.out(JSON.stringify(run, null, 2));
  else {
    io.out(`Run #${run.id} (${run.kind}${run.dryRun ? ', dry run' : ''}): ${run.status}`);
    const counts = Object.entries(run.counts)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    if (counts) io.out(`  ${counts}`);
    if (run.errorCode) io.out(`  ${run.errorCode}: ${run.errorMessage ?? ''}`);
  }
  return run.status === 'succeeded' ? 0 : 1;
}
