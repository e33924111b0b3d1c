import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset, startSimulator, type Simulator } from '../../fixtures/linkedin-sim/index.js';
import { bundleScript } from '../../helpers/build.js';
import { campaignCore, runToEnd } from '../../helpers/campaign-core.js';
import { seededRng } from '../../../src-main/core/util/runtime.js';
import { normaliseMessage } from '../../../src-shared/text-match.js';

const TRIALS = 20;
const QUOTA = 4;
/** Multi-line templates (typed with Shift+Enter: Enter alone sends) with emoji and non-breaking spaces. */
const TEMPLATES = [
  'Happy birthday, {firstName}! 🎂\nWishing you a wonderful year ahead 🎉',
  'Joyeux anniversaire {firstName}\u00a0!\n\nBelle année à toi 👩\u200d💻✨  ',
];
const ENV = { RAPPORT_LIMITS_MESSAGES_PER_DAY: String(QUOTA), RAPPORT_BIRTHDAY_TEMPLATES_TODAY: JSON.stringify(TEMPLATES) };
/**
 * The five cards fit in the page's first batch (nothing is lazy-loaded), so the scrolls that look for
 * more need not wait long for nothing: the same list is read, sooner.
 */
const BROWSER = { scrollIdleMs: 100 };
let sim: Simulator;
let childScript: Awaited<ReturnType<typeof bundleScript>>;

beforeAll(async () => {
  // Five birthdays today: more than the quota, so the quota ceiling is exercised too.
  sim = await startSimulator({ port: 0, ...generateDataset({ seed: 7, today: 5, late: [], upcoming: [], searchPeople: 0 }) });
  // The child bundled once from the current sources: each of its starts then loads plain JavaScript.
  childScript = await bundleScript('test/e2e/birthday/crash-child.ts');
});
afterAll(async () => {
  childScript?.dispose();
  await sim.close();
});

function recipients(): string[] {
  return sim.sent().map((s) => s.recipientPublicId);
}

/** Runs the child until `kill` decides to SIGKILL it (or it ends by itself). */
function runChild(dataDir: string, killWhen: (elapsedMs: number, sentSoFar: number) => boolean): Promise<string> {
  return new Promise((resolveChild, reject) => {
    const proc = spawn(process.execPath, [childScript.file, dataDir, sim.url, JSON.stringify(ENV), JSON.stringify(BROWSER)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let readyAt = 0;
    let stderr = '';
    let finished = 'finished';
    const sentBefore = sim.sent().length;
    proc.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) readyAt = Date.now();
      const end = /finished .*/.exec(d.toString());
      if (end) finished = end[0];
    });
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll = setInterval(() => {
      if (!readyAt) return;
      if (killWhen(Date.now() - readyAt, sim.sent().length - sentBefore)) {
        clearInterval(poll);
        proc.kill('SIGKILL');
      }
    }, 2);
    proc.on('exit', (code, signal) => {
      clearInterval(poll);
      if (signal === 'SIGKILL') resolveChild('killed');
      else if (code === 0) resolveChild(finished);
      else reject(new Error(`child exited ${code}: ${stderr}`));
    });
  });
}

describe('crash safety of the birthday run', () => {
  it(`${TRIALS} SIGKILLs at random points with multi-line emoji templates, then a restart and a second run: nobody wished twice, never over the quota`, async () => {
    const rng = seededRng(2026);
    const outcomes: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      sim.reset();
      // Every other pair of trials, the bubble header shows the name only (pending sends are then
      // resolved from a conversation recognised by its name).
      sim.configure({ bubbleHeader: trial % 4 >= 2 ? 'nested-status' : 'link' });
      const dataDir = mkdtempSync(join(tmpdir(), 'rapport-crash-'));
      try {
        // Half the trials die right after LinkedIn received the Nth message (between Send and the `sent` mark);
        // the others at a random moment of the run.
        const afterSend = trial % 2 === 0 ? 1 + Math.floor(rng.next() * QUOTA) : 0;
        const atMs = Math.floor(rng.next() * 6000);
        const how = await runChild(dataDir, (elapsed, sent) => (afterSend ? sent >= afterSend : elapsed >= atMs));
        const { core, dispose } = await campaignCore(sim.url, ENV, dataDir, BROWSER);
        try {
          const run = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
          outcomes.push(`${how}/${afterSend ? `after send ${afterSend}` : `${atMs} ms`}/${run.status}/${recipients().length}`);
          expect(['succeeded', 'stopped'], `trial ${trial}: ${run.errorCode} ${run.errorMessage}`).toContain(run.status);
          const ids = recipients();
          expect(new Set(ids).size, `trial ${trial}: duplicates in ${ids.join(',')}`).toBe(ids.length);
          expect(ids.length, `trial ${trial}`).toBeLessThanOrEqual(QUOTA);
          // Nothing is left undecided: every pending message was settled by reading the conversation.
          expect((await core.call('interactions.list', { status: 'pending' })).total).toBe(0);
          const sentRows = await core.call('interactions.list', { status: 'sent' });
          expect(sentRows.total).toBe(ids.length);
          // Each message arrived whole (line breaks and emoji included), and is the one recorded as sent.
          const received = sim.sent().map((m) => m.text);
          for (const text of received) expect(text, `trial ${trial}`).toMatch(/\n[^]*(🎉|👩\u200d💻✨)$/u);
          const recorded = sentRows.items.map((i) => normaliseMessage(String(i.payload.text)));
          expect(received.map(normaliseMessage).sort(), `trial ${trial}`).toEqual(recorded.sort());
        } finally {
          await dispose();
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      }
    }
    expect(outcomes.filter((o) => o.startsWith('killed')).length, outcomes.join('\n')).toBeGreaterThan(TRIALS / 2);
  }, 900_000);
});
