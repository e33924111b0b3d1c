import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../fixtures/linkedin-sim/index.js';
import { campaignCore, runToEnd, type CampaignCore } from '../../helpers/campaign-core.js';
import { buildV1 } from '../../helpers/legacy-db.js';

let sim: Simulator;
let campaign: CampaignCore;
const dir = mkdtempSync(join(tmpdir(), 'rapport-legacy-e2e-'));

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  campaign = await campaignCore(sim.url);
});
afterAll(async () => {
  await campaign?.dispose();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('history imported from the old bot drives the birthday run', () => {
  it('skips someone the old bot wished this year, and does not repeat last year’s text', async () => {
    const { core } = campaign;
    const plan = await core.call('plan.birthday', {});
    const today = plan.toSend.filter((p) => p.daysLate === 0);
    expect(today.length).toBeGreaterThanOrEqual(2);
    const [wishedThisYear, wishedLastYear] = today;

    // The old bot wished the first person an hour ago, and sent the second, a year ago, the very text planned today.
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
    const file = join(dir, 'linkedin_automation.db');
    buildV1(file, {
      contacts: [
        { id: 1, name: wishedThisYear.contact.fullName, url: wishedThisYear.contact.profileUrl.toUpperCase() },
        { id: 2, name: wishedLastYear.contact.fullName, url: `${wishedLastYear.contact.profileUrl}?trk=old-bot` },
      ],
      messages: [
        { id: 1, contactId: 1, contactName: wishedThisYear.contact.fullName, text: 'Happy birthday from the old bot!', sentAt: iso(now - 3_600_000) },
        { id: 2, contactId: null, contactName: wishedLastYear.contact.fullName, text: wishedLastYear.text, sentAt: iso(now - 365 * 86_400_000) },
      ],
      visits: [],
      blacklist: [],
      scraped: [],
    });
    const report = await core.call('legacy.import', { path: file });
    expect(report.imported).toMatchObject({ contacts: 2, birthdayMessages: 2 });

    const run = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    expect(run.status, run.errorMessage ?? '').toBe('succeeded');
    expect(run.counts.skipped_already_wished).toBe(1);
    const sent = sim.sent();
    expect(sent.map((s) => s.recipientName)).not.toContain(wishedThisYear.contact.fullName);
    const second = sent.find((s) => s.recipientName === wishedLastYear.contact.fullName);
    expect(second).toBeDefined();
    expect(second!.text).not.toBe(wishedLastYear.text);
    expect(sent.length).toBe(plan.toSend.length - 1);
  }, 120_000);
});
