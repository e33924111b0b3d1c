import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_CLI, ensureBuilt, ROOT } from '../../helpers/build.js';
import { startHostProcess } from '../../helpers/host-process.js';
import { tempDir } from '../../helpers/temp.js';

const TOKEN = 'load-on-demand-token-123456';
const TRACKER = join(ROOT, 'test/fixtures/runtime/track-modules.mjs');

function loaded(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

const isHeavy = (pattern: RegExp) => (modules: string[]) => modules.filter((m) => pattern.test(m));
const playwright = isHeavy(/\/node_modules\/playwright-core\//);
const engineOrCampaigns = isHeavy(/\/dist\/node\/chunks\/(engine|birthday|sourcing)-/);
const mailer = isHeavy(/\/dist\/node\/chunks\/nodemailer-|\/node_modules\/nodemailer\//);

describe('the compiled host loads the browser engine on demand', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('idles without playwright-core or the campaign code, and loads them for the first account action', async () => {
    const dir = tempDir();
    const modules = join(dir, 'modules.txt');
    writeFileSync(modules, '');
    const host = await startHostProcess(['--import', TRACKER, BUILT_CLI], {
      RAPPORT_DATA_DIR: join(dir, 'data'),
      RAPPORT_API_KEY: TOKEN,
      RAPPORT_TRACK_MODULES: modules,
    });
    try {
      const api = (path: string) => fetch(`${host.url}/api${path}`, { headers: { 'x-api-key': TOKEN } });
      // What an idle app and an open panel ask for: status, schedule, account state, the panel itself.
      expect((await api('/status')).status).toBe(200);
      expect((await api('/schedule')).status).toBe(200);
      expect((await api('/account')).status).toBe(200);
      expect((await fetch(`${host.url}/`)).status).toBe(200);
      const idle = loaded(modules);
      expect(idle.some((m) => m.includes('/dist/node/cli.js')), 'the tracker saw the host start').toBe(true);
      expect(playwright(idle)).toEqual([]);
      expect(engineOrCampaigns(idle)).toEqual([]);
      expect(mailer(idle), 'the e-mail sender waits for the first e-mail').toEqual([]);

      // The selector health view needs the engine: now it is imported, once.
      expect((await api('/selectors')).status).toBe(200);
      const after = loaded(modules);
      expect(playwright(after).length).toBeGreaterThan(0);
      expect(engineOrCampaigns(after).length).toBeGreaterThan(0);
    } finally {
      await host.stop();
    }
  }, 120_000);
});
