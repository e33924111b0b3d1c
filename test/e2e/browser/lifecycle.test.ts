/** The browser is always closed — after success, error and abort — and its processes are gone. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RapportError } from '../../../src-shared/errors.js';
import { createBrowserEngine, type BrowserEngine } from '../../../src-main/core/browser/index.js';
import { startSimulator, type Simulator } from '../../fixtures/linkedin-sim/index.js';
import { createTestContext, linkedInStorageState, TEST_ENGINE_OPTIONS, sharedBrowserProfile, type TestContext } from '../../helpers/browser.js';

// Each test drives a real Chromium; on a busy machine a launch alone can take seconds.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

/** Children of a process, as `pgrep -P` sees them. */
function childCount(pid: number): number {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).length;
  } catch {
    return 0; // pgrep exits 1 when nothing matches
  }
}

/** Live (not zombie) processes whose process group is the browser's (Playwright makes it a group leader). */
function groupCount(pgid: number): number {
  const out = execFileSync('ps', ['-e', '-o', 'pgid=,stat='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([g, stat]) => Number(g) === pgid && stat && !stat.startsWith('Z')).length;
}

function alive(pid: number): boolean {
  try {
    return !/\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false; // no such process
  }
}

let sim: Simulator;
const profile = sharedBrowserProfile();
let t: TestContext;
let engine: BrowserEngine;
let launched: number[];

beforeAll(async () => {
  sim = await startSimulator({ seed: 9 });
});
afterAll(async () => {
  await sim?.close();
});
beforeEach(async () => {
  launched = [];
  t = createTestContext({ baseUrl: sim.url, browserProfile: profile });
  engine = createBrowserEngine(t.ctx, { ...TEST_ENGINE_OPTIONS, onLaunch: ({ pid }) => launched.push(pid ?? -1) });
  await engine.session.importCookies(linkedInStorageState());
  return async () => {
    await engine.stop();
    t.dispose();
  };
});

/** Checked inside the session: the browser runs with child processes (renderer, zygote, …). */
function expectRunning(): number {
  const pid = launched.at(-1) ?? -1;
  expect(pid).toBeGreaterThan(0);
  expect(alive(pid)).toBe(true);
  expect(childCount(pid)).toBeGreaterThan(0);
  return pid;
}

function expectGone(pid: number): void {
  expect(alive(pid)).toBe(false);
  expect(childCount(pid)).toBe(0);
  expect(groupCount(pid)).toBe(0);
  expect(engine.busy()).toBe(false);
}

describe('browser lifecycle', () => {
  it('closes after success', async () => {
    let pid = 0;
    const cards = await engine.withLinkedIn(new AbortController().signal, async (li) => {
      pid = expectRunning();
      return li.birthdays.read();
    });
    expect(cards.length).toBeGreaterThan(0);
    expectGone(pid);
    expect(engine.session.meta().lastVerifiedAt).not.toBeNull();
  });

  it('closes after an error inside the session, passing the error on', async () => {
    let pid = 0;
    await expect(
      engine.withLinkedIn(new AbortController().signal, async () => {
        pid = expectRunning();
        throw new RapportError('RECIPIENT_MISMATCH', 'test failure');
      }),
    ).rejects.toMatchObject({ code: 'RECIPIENT_MISMATCH' });
    expectGone(pid);
  });

  it('closes after an abort, at once, even while the session is busy', async () => {
    const controller = new AbortController();
    let pid = 0;
    const run = engine.withLinkedIn(controller.signal, async (li) => {
      pid = expectRunning();
      const reading = li.birthdays.read();
      setTimeout(() => controller.abort(), 50);
      await reading;
      await new Promise(() => {}); // never settles: only the abort can end this session
    });
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
    expectGone(pid);
  });

  it('an abort before the launch starts no browser', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(engine.withLinkedIn(controller.signal, async () => 1)).rejects.toMatchObject({ code: 'ABORTED' });
    expect(launched).toEqual([]);
  });

  it('refuses a second browser while one is open', async () => {
    await engine.withLinkedIn(new AbortController().signal, async () => {
      await expect(engine.withLinkedIn(new AbortController().signal, async () => 1)).rejects.toMatchObject({ code: 'RUN_IN_PROGRESS' });
    });
    expect(launched).toHaveLength(1);
  });

  it('NOT_CONNECTED without a stored session, before launching anything', async () => {
    await engine.session.forget();
    await expect(engine.withLinkedIn(new AbortController().signal, async () => 1)).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    expect(launched).toEqual([]);
  });

  it('BROWSER_NOT_FOUND with install advice when the configured browser does not exist', async () => {
    const missing = createTestContext({ baseUrl: sim.url, env: { RAPPORT_BROWSER_PATH: '/nonexistent/chromium' } });
    try {
      const other = createBrowserEngine(missing.ctx, TEST_ENGINE_OPTIONS);
      await other.session.importCookies(linkedInStorageState());
      await expect(other.withLinkedIn(new AbortController().signal, async () => 1)).rejects.toMatchObject({
        code: 'BROWSER_NOT_FOUND',
        message: expect.stringContaining('sudo apt install chromium'),
      });
    } finally {
      missing.dispose();
    }
  });
});
