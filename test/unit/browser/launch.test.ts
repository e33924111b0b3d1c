import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { discoverBrowsers, launchBrowser } from '../../../src-main/core/browser/launch.js';
import { tempDir } from '../../helpers/temp.js';

const only = (...paths: string[]) => (p: string) => paths.includes(p);

describe('discoverBrowsers', () => {
  it('uses the setting first, then RAPPORT_BROWSER_PATH', () => {
    const exists = only('/opt/mine/chrome', '/env/chromium', '/usr/bin/chromium');
    expect(discoverBrowsers({ executablePath: '/opt/mine/chrome', env: { RAPPORT_BROWSER_PATH: '/env/chromium' }, isExecutable: exists })).toEqual([
      { kind: 'path', executablePath: '/opt/mine/chrome', source: 'setting browser.executablePath' },
    ]);
    expect(discoverBrowsers({ env: { RAPPORT_BROWSER_PATH: '/env/chromium' }, isExecutable: exists })).toEqual([
      { kind: 'path', executablePath: '/env/chromium', source: 'RAPPORT_BROWSER_PATH' },
    ]);
  });

  it('refuses an explicit path that does not exist, saying how to install a browser', () => {
    expect(() => discoverBrowsers({ executablePath: '/nope/chrome', env: {}, isExecutable: only() })).toThrow(
      expect.objectContaining({ code: 'BROWSER_NOT_FOUND', message: expect.stringContaining('sudo apt install chromium') }),
    );
  });

  it('then /usr/bin/chromium, the usual names on PATH, and Playwright channels last', () => {
    const found = discoverBrowsers({
      env: { PATH: '/usr/local/bin:/usr/bin' },
      platform: 'linux',
      isExecutable: only('/usr/bin/chromium', '/usr/local/bin/google-chrome', '/usr/bin/microsoft-edge'),
    });
    expect(found.map((c) => (c.kind === 'path' ? c.executablePath : `channel:${c.channel}`))).toEqual([
      '/usr/bin/chromium',
      '/usr/local/bin/google-chrome',
      '/usr/bin/microsoft-edge',
      'channel:chrome',
      'channel:msedge',
    ]);
  });
});

describe('launchBrowser', () => {
  it('fails with BROWSER_NOT_FOUND and an install hint when no candidate exists', async () => {
    await expect(
      launchBrowser({
        candidates: [{ kind: 'path', executablePath: '/nonexistent/chromium', source: 'test' }],
        profileDir: tempDir(),
        headless: true,
        logger: pino({ enabled: false }),
      }),
    ).rejects.toMatchObject({ code: 'BROWSER_NOT_FOUND', message: expect.stringMatching(/tried \/nonexistent\/chromium.*sudo apt install chromium/) });
  });
});
