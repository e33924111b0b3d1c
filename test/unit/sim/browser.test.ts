import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentMessage, Simulator } from '../../fixtures/linkedin-sim/index.js';
import { start } from './helpers.js';

let sim: Simulator;
let browser: Browser;

beforeAll(async () => {
  sim = await start({ seed: 9, lazyBatchSize: 3, overlayDelayMs: 150 });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

describe('simulator in real Chromium', () => {
  it('lazy-loads every card, opens the right bubble next to a stray one, sends, and keeps the decoy hidden', async () => {
    const cfg = sim.config();
    const target = cfg.people.find((p) => p.publicId === cfg.birthdays[3].publicId);
    const stray = cfg.people.find((p) => p.publicId === cfg.birthdays[0].publicId);
    if (!target || !stray) throw new Error('data set');
    sim.configure({ strayBubbleFor: stray.publicId });
    const targetName = `${target.firstName} ${target.lastName}`;

    const context = await browser.newContext();
    await context.addCookies([{ name: 'li_at', value: cfg.sessionToken, url: sim.url }]);
    const page = await context.newPage();
    await page.goto(`${sim.url}/mynetwork/catch-up/birthday/`);
    await expect(page.getByRole('navigation', { name: 'Primary Navigation' }).isVisible()).resolves.toBe(true);

    const cards = page.locator('main [role="list"] > li');
    let seen = -1;
    for (let stable = 0; stable < 2; ) {
      await page.mouse.wheel(0, 3000);
      await page.waitForTimeout(250);
      const n = await cards.count();
      stable = n === seen ? stable + 1 : 0;
      seen = n;
    }
    expect(seen).toBe(cfg.birthdays.length);

    // The decoy exists (same text/label as the first card's button) but is never visible.
    const firstLabel = `Send message to ${stray.firstName} ${stray.lastName}`;
    expect(await page.locator(`button[aria-label="${firstLabel}"]`).count()).toBe(2);
    expect(await page.locator(`button[aria-label="${firstLabel}"]`).first().isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: firstLabel }).count()).toBe(1);

    await page.getByRole('button', { name: `Send message to ${targetName}` }).click();
    const bubble = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: targetName }) });
    await bubble.waitFor();
    expect(await page.getByRole('dialog').count()).toBe(2); // the stray bubble is still open

    const box = bubble.getByRole('textbox', { name: 'Write a message…' });
    const sendButton = bubble.getByRole('button', { name: 'Send', exact: true });
    expect(await sendButton.isDisabled()).toBe(true);
    await box.pressSequentially('Happy birthday!', { delay: 5 });
    expect(await sendButton.isEnabled()).toBe(true);
    await sendButton.click();
    await expect.poll(() => bubble.locator('ul > li').last().textContent()).toContain('Happy birthday!');
    expect((await box.textContent())?.trim()).toBe('');

    const sent = (await (await fetch(`${sim.url}/__sim/sent`)).json()) as SentMessage[];
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ recipientPublicId: target.publicId, recipientName: targetName, text: 'Happy birthday!' });
    expect(sim.decoyClicks()).toBe(0);

    // Closing works, and a reopened bubble shows the history.
    await bubble.getByRole('button', { name: `Close your conversation with ${targetName}` }).click();
    expect(await page.getByRole('dialog').count()).toBe(1);
    await page.getByRole('button', { name: `Send message to ${targetName}` }).click();
    await bubble.waitFor();
    expect(await bubble.locator('ul > li').last().textContent()).toContain('Happy birthday!');
    await context.close();
  });
});
