import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../fixtures/linkedin-sim/index.js';
import { campaignCore, runToEnd, type CampaignCore } from '../../helpers/campaign-core.js';
import { profileHash } from '../../../src-main/core/store/tombstones-repo.js';

let sim: Simulator;
let current: CampaignCore;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  current = await campaignCore(sim.url);
});
afterAll(async () => {
  await current?.dispose();
  await sim.close();
});

describe('erasing a contact who was wished', () => {
  it('does not wish them again when the birthday list shows them the same year, and never lists the tombstone', async () => {
    const { core } = current;
    const first = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    expect(first.status, first.errorMessage ?? '').toBe('succeeded');
    const sentBefore = sim.sent();
    expect(sentBefore.length).toBeGreaterThan(0);
    const wishedName = sentBefore[0].recipientName;
    const wished = (await core.call('contacts.list', { query: wishedName })).items[0];

    await core.call('contacts.erase', { id: wished.id });
    expect((await core.call('contacts.list', { query: wishedName })).total).toBe(0);
    const history = await core.call('interactions.list', { pageSize: 200 });
    expect(history.items.some((i) => i.contactId === wished.id)).toBe(false);

    // The next run reads the birthday list again: the person comes back as a new contact, unwished.
    const again = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    expect(again.status, again.errorMessage ?? '').toBe('succeeded');
    expect(sim.sent()).toHaveLength(sentBefore.length);
    expect(sim.sent().filter((s) => s.recipientName === wishedName)).toHaveLength(1);
    expect(again.counts.sent ?? 0).toBe(0);
    expect(again.counts.skipped_already_wished).toBe(sentBefore.length);
    const plan = await core.call('plan.birthday', {});
    expect(plan.toSend.map((p) => p.contact.fullName)).not.toContain(wishedName);

    const csv = await core.call('contacts.export', {});
    expect(csv).not.toContain(profileHash(wished.profileUrl));
    expect(csv.split('\n').filter((l) => l.includes(wished.profileUrl))).toHaveLength(1);
  }, 120_000);
});
