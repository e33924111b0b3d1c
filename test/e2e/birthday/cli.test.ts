import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src-main/cli/index.js';
import { startSimulator, type Simulator } from '../../fixtures/linkedin-sim/index.js';
import { linkedInStorageState } from '../../helpers/browser.js';
import { tempDir } from '../../helpers/temp.js';

let sim: Simulator;
const saved = { ...process.env };

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  process.env = { ...saved };
  sim.reset();
  sim.configure({ guard: null });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

/** The CLI reads its configuration from the environment, as a user's shell would give it. */
function useDataDir(): string {
  const dir = tempDir();
  Object.assign(process.env, {
    RAPPORT_DATA_DIR: dir,
    RAPPORT_LINKEDIN_BASE_URL: sim.url,
    RAPPORT_PACING_SCALE: '0',
    RAPPORT_WORKING_HOURS_ENABLED: 'false',
    RAPPORT_BIRTHDAY_DRY_RUN: 'false',
    RAPPORT_LIMITS_WARMUP: 'false',
  });
  return dir;
}

describe('rapport run birthday / plan birthday', () => {
  it('imports cookies, plans, runs (--json, exit 0), and a checkpoint run exits non-zero with its code', async () => {
    const dir = useDataDir();
    const cookies = join(dir, 'cookies.json');
    writeFileSync(cookies, linkedInStorageState());
    const imported = io();
    expect(await runCli(['account', 'import-cookies', cookies], imported.io), imported.err.join('\n')).toBe(0);

    const plan = io();
    expect(await runCli(['plan', 'birthday', '--json'], plan.io), plan.err.join('\n')).toBe(0);
    const planned = JSON.parse(plan.out.join('\n')) as { toSend: { text: string }[] };
    expect(planned.toSend.length).toBeGreaterThan(0);

    const run = io();
    expect(await runCli(['run', 'birthday', '--json'], run.io), run.err.join('\n')).toBe(0);
    const summary = JSON.parse(run.out.join('\n')) as { status: string; counts: Record<string, number> };
    expect(summary.status).toBe('succeeded');
    expect(summary.counts.sent).toBe(planned.toSend.length);
    expect(sim.sent().map((s) => s.text).sort()).toEqual(planned.toSend.map((p) => p.text).sort());

    sim.configure({ guard: { kind: 'checkpoint' } });
    const second = io();
    const code = await runCli(['run', 'birthday', '--ignore-working-hours'], second.io);
    expect(code).toBe(1);
    expect(second.out.join('\n')).toMatch(/LINKEDIN_CHECKPOINT/);
  }, 120_000);

  it('bad usage exits 2', async () => {
    useDataDir();
    const bad = io();
    expect(await runCli(['run', 'birthdays'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toMatch(/birthday or sourcing/);
    expect(await runCli(['run', 'birthday', '--now'], io().io)).toBe(2);
  });
});
