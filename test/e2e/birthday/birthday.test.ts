import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BUBBLE_HEADERS, generateDataset, startSimulator, type BubbleHeader, type SimConfig, type SimLocale, type SimPerson,
  type Simulator,
} from '../../fixtures/linkedin-sim/index.js';
import { campaignCore, runToEnd, type CampaignCore } from '../../helpers/campaign-core.js';

let sim: Simulator;
let current: CampaignCore | null = null;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => {
  await sim.close();
});
afterEach(async () => {
  await current?.dispose();
  current = null;
  sim.reset();
  sim.configure({
    guard: null, variant: 'classic', locale: 'en', bubbleHeader: 'link', strayBubbleFor: null, misdirect: null, people: undefined, lazyBatchSize: 8,
  });
});

async function setup(env: Record<string, string> = {}) {
  current = await campaignCore(sim.url, env);
  return current.core;
}

/** Full names of the simulator's birthdays that a run with maxDaysLate 10 must wish. */
function eligibleNames(maxDaysLate = 10): string[] {
  const { people, birthdays } = sim.config();
  return birthdays
    .filter((b) => b.when.kind === 'today' || (b.when.kind === 'late' && b.when.days <= maxDaysLate))
    .map((b) => people.find((p) => p.publicId === b.publicId)!)
    .map((p) => `${p.firstName} ${p.lastName}`);
}

const fullNameOf = (p: SimPerson) => `${p.firstName} ${p.lastName}`;
const personOf = (cfg: SimConfig, publicId: string) => cfg.people.find((p) => p.publicId === publicId)!;

/** Every bubble header layout, plus two open bubbles for two people sharing a first name (name-only headers). */
type Layout = BubbleHeader | 'same-first-name';
const LAYOUTS: Layout[] = [...BUBBLE_HEADERS, 'same-first-name'];

/**
 * The matrix's own data set (also used where the number of sends does not matter), smaller than the
 * default one (three sends instead of six): two birthdays today (Marie Dubois, Hélène Lefèvre), one
 * belated by a day (Thierry Roussel: "hier" in his name), one too late, two upcoming, among them Marie
 * Laurent, who shares a first name with the Marie wished today. Cards load four at a time, so the list
 * is still lazy-loaded.
 */
const MATRIX_BATCH = 4;
const matrixDataset = (locale: SimLocale) => generateDataset({ seed: 4, today: 2, late: [1, 12], upcoming: [1, 3], searchPeople: 0, locale });

/**
 * Opens the stray bubbles of a layout: one for someone whose birthday is upcoming (not wished
 * today), or for 'same-first-name' two people who share a first name, one of them wished today.
 */
function openStrays(layout: Layout): string[] {
  const cfg = sim.config();
  if (layout !== 'same-first-name') {
    const upcoming = cfg.birthdays.find((b) => b.when.kind === 'upcoming')!.publicId;
    sim.configure({ bubbleHeader: layout, strayBubbleFor: upcoming });
    return [upcoming];
  }
  const eligible = new Set(eligibleNames());
  const pair = cfg.people.flatMap((a) =>
    cfg.people.filter((b) => b !== a && b.firstName === a.firstName && eligible.has(fullNameOf(a))).map((b) => [a.publicId, b.publicId]),
  )[0];
  expect(pair, 'the data set has two people sharing a first name').toBeDefined();
  sim.configure({ bubbleHeader: 'name', strayBubbleFor: pair });
  return pair;
}

describe.each(
  LAYOUTS.flatMap((layout, i) => [
    [layout, i % 2 === 0 ? 'classic' : 'modern', 'en'],
    [layout, i % 2 === 0 ? 'modern' : 'classic', 'fr'],
  ] as const),
)('birthday run, bubble header "%s", %s generation in %s, with a stray bubble open', (layout, variant, locale) => {
  it('wishes each eligible contact exactly once with the planned text, no decoy clicked, and a second run sends nothing', async () => {
    sim.configure({ variant, locale, lazyBatchSize: MATRIX_BATCH, ...matrixDataset(locale) });
    const { birthdays } = sim.config();
    expect(birthdays.filter((b) => b.when.kind === 'today'), 'two birthdays today').toHaveLength(2);
    expect(eligibleNames(), 'two today and one belated to wish').toHaveLength(3);
    expect(birthdays.length, 'more cards than one lazy-loaded batch').toBeGreaterThan(MATRIX_BATCH);
    openStrays(layout);
    const core = await setup();
    const plan = await core.call('plan.birthday', {});
    expect(plan.source).toBe('live');
    expect(plan.toSend.map((p) => p.contact.fullName).sort()).toEqual(eligibleNames().sort());
    expect(plan.skipped.map((s) => s.reason)).toEqual(expect.arrayContaining(['too_late', 'upcoming']));

    const run = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    expect(run.status, run.errorMessage ?? '').toBe('succeeded');
    const sent = sim.sent();
    expect(sent.map((s) => s.recipientName).sort()).toEqual(eligibleNames().sort());
    for (const planned of plan.toSend) {
      const message = sent.find((s) => s.recipientName === planned.contact.fullName)!;
      expect(message.text).toBe(planned.text);
    }
    expect(run.counts).toMatchObject({ sent: eligibleNames().length, skipped_too_late: 1, skipped_upcoming: 2 });
    expect(sim.decoyClicks()).toBe(0);

    const again = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    expect(again.status).toBe('succeeded');
    expect(again.counts.sent ?? 0).toBe(0);
    expect(again.counts.skipped_already_wished).toBe(eligibleNames().length);
    expect(sim.sent()).toHaveLength(sent.length);
  }, 120_000);
});

describe.each([
  ['link', 'classic', 'en'],
  ['name', 'modern', 'fr'],
  ['hidden-text', 'classic', 'fr'],
  ['nested-status', 'modern', 'en'],
] as const)('a bubble for someone else (header "%s", %s, %s)', (layout, variant, locale) => {
  it('stops the run with RECIPIENT_MISMATCH naming both sides, and sends nothing to either person', async () => {
    sim.configure({ variant, locale });
    openStrays(layout);
    const cfg = sim.config();
    const target = cfg.birthdays.find((b) => b.when.kind === 'today')!.publicId;
    const other = cfg.birthdays.filter((b) => b.when.kind === 'upcoming')[1].publicId;
    sim.configure({ misdirect: { publicId: target, opens: other } });
    const core = await setup();
    const run = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    expect(run.status).toBe('failed');
    expect(run.errorCode).toBe('RECIPIENT_MISMATCH');
    const message = run.errorMessage ?? '';
    if (layout === 'link') {
      expect(message).toContain(`links to /in/${other}/, not to /in/${target}/ (${fullNameOf(personOf(cfg, target))})`);
    } else {
      expect(message).toContain(`is with "${fullNameOf(personOf(cfg, other))}", not "${fullNameOf(personOf(cfg, target))}"`);
    }
    const recipients = sim.sent().map((m) => m.recipientPublicId);
    expect(recipients).not.toContain(target);
    expect(recipients).not.toContain(other);
    expect(sim.decoyClicks()).toBe(0);
    // Nothing was typed: the attempt is failed (not pending) and the quota slot was given back.
    const failed = await core.call('interactions.list', { status: 'failed' });
    expect(failed.items.map((i) => i.payload.error)).toContain('RECIPIENT_MISMATCH');
    expect((await core.call('interactions.list', { status: 'pending' })).total).toBe(0);
  }, 60_000);
});

describe('two people with the same name on the birthday page, headers without a profile link', () => {
  it('stops with RECIPIENT_MISMATCH rather than guess, and wishes neither of them', async () => {
    const cfg = sim.config();
    const [a, b] = cfg.birthdays.filter((x) => x.when.kind === 'today').map((x) => personOf(cfg, x.publicId));
    const people = cfg.people.map((p) => (p.publicId === b.publicId ? { ...p, firstName: a.firstName, lastName: a.lastName } : p));
    sim.configure({ people, birthdays: cfg.birthdays, bubbleHeader: 'name' });
    const core = await setup();
    const run = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    expect(run.errorCode).toBe('RECIPIENT_MISMATCH');
    expect(run.errorMessage).toContain(`Several people named "${fullNameOf(a)}" are on this page`);
    const recipients = sim.sent().map((m) => m.recipientPublicId);
    expect(recipients).not.toContain(a.publicId);
    expect(recipients).not.toContain(b.publicId);
  }, 60_000);
});

describe('birthday run decisions', () => {
  it('skips blocked contacts and belated ones beyond the window, with their reasons', async () => {
    const core = await setup({ RAPPORT_BIRTHDAY_MAX_DAYS_LATE: '2' });
    // Contacts come from an earlier read of the birthday list (here a dry run), then the user blocks one.
    await runToEnd(core, () => core.call('campaigns.birthday.run', { dryRun: true }));
    const target = eligibleNames(2)[0];
    const contact = (await core.call('contacts.list', { query: target })).items[0];
    await core.call('contacts.update', { id: contact.id, status: 'blocked' });
    const run = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    expect(run.status).toBe('succeeded');
    const expected = eligibleNames(2).filter((n) => n !== target);
    expect(sim.sent().map((s) => s.recipientName).sort()).toEqual(expected.sort());
    expect(run.counts).toMatchObject({ skipped_blocked: 1, skipped_too_late: 2, sent: expected.length });
  }, 60_000);

  it('an out-of-hours run sends nothing and says why', async () => {
    sim.configure(matrixDataset('en'));
    const today = new Date().getDay() || 7;
    const core = await setup({
      RAPPORT_WORKING_HOURS_ENABLED: 'true',
      RAPPORT_WORKING_HOURS_DAYS: JSON.stringify([today === 1 ? 2 : 1]),
    });
    const run = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    expect(run.status).toBe('stopped');
    expect(run.errorCode).toBe('OUTSIDE_WORKING_HOURS');
    expect(run.errorMessage).toMatch(/Outside working hours/);
    expect(sim.sent()).toEqual([]);
    const forced = await runToEnd(core, () => core.call('campaigns.birthday.run', { ignoreWorkingHours: true }));
    expect(forced.status).toBe('succeeded');
    expect(sim.sent().length).toBe(eligibleNames().length);
  }, 60_000);

  it('a quota of 3 with more birthdays sends 3 and stops with QUOTA_EXHAUSTED', async () => {
    const core = await setup({ RAPPORT_LIMITS_MESSAGES_PER_DAY: '3' });
    const run = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    expect(run.status).toBe('stopped');
    expect(run.errorCode).toBe('QUOTA_EXHAUSTED');
    expect(run.errorMessage).toMatch(/messages quota/);
    expect(sim.sent()).toHaveLength(3);
    const status = await core.call('status.get', {});
    const messages = status.quotas.find((q) => q.quota === 'messages')!;
    expect(messages.day).toMatchObject({ used: 3, limit: 3 });
  });

  it('a checkpoint after the 2nd message stops the run with LINKEDIN_CHECKPOINT and nothing more is sent', async () => {
    sim.configure({ guard: { kind: 'checkpoint', afterMessages: 2 } });
    const core = await setup();
    const run = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    expect(run.status).toBe('failed');
    expect(run.errorCode).toBe('LINKEDIN_CHECKPOINT');
    expect(sim.sent()).toHaveLength(2);
    const schedule = await core.call('schedule.get', {});
    expect(schedule.paused).toBe(true);
    const status = await core.call('status.get', {});
    expect(status.state).toBe('needs-you');
    expect(status.account.state).toBe('checkpoint');
  });

  it('stop during a pacing wait ends the run at once', async () => {
    // A 120 s gap (2400 s at a scale of 0.05), with the short hesitations before each click and scroll
    // scaled down as well: only the gap is waited on.
    const core = await setup({
      RAPPORT_PACING_SCALE: '0.05',
      RAPPORT_PACING_MESSAGE_GAP_SECONDS: '[2400, 2400]',
      RAPPORT_PACING_TYPING_DELAY_MS: '[0, 0]',
    });
    const waiting = new Promise<number>((resolve) => {
      const off = core.events.on('run.progress', (p) => {
        if (p.wait?.reason === 'message-gap') {
          off();
          resolve(p.runId);
        }
      });
    });
    const finished = runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    const runId = await waiting;
    const status = await core.call('status.get', {});
    expect(status.state).toBe('waiting');
    expect(status.reason.en).toMatch(/Waiting about \d+ s before the next action/);
    expect(status.action).toBe('runs.stop');
    const stoppedAt = Date.now();
    await core.call('runs.stop', { id: runId });
    const run = await finished;
    const elapsed = Date.now() - stoppedAt;
    expect(run.status).toBe('stopped');
    expect(run.errorCode).toBe('ABORTED');
    // The gap was 120 s: ending well inside it proves the wait itself was interrupted.
    expect(elapsed).toBeLessThan(5_000);
    expect(sim.sent()).toHaveLength(1);
  });

  it('dry run sends nothing, uses no quota, and decides exactly as a real run', async () => {
    sim.configure(matrixDataset('en'));
    const core = await setup({ RAPPORT_BIRTHDAY_DRY_RUN: 'true' });
    const plan = await core.call('plan.birthday', {});
    const run = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    expect(run.status).toBe('succeeded');
    expect(run.dryRun).toBe(true);
    expect(sim.sent()).toEqual([]);
    const status = await core.call('status.get', {});
    expect(status.quotas.find((q) => q.quota === 'messages')!.day.used).toBe(0);
    const dry = await core.call('interactions.list', { status: 'dry_run' });
    expect(dry.items.map((i) => i.payload.text).sort()).toEqual(plan.toSend.map((p) => p.text).sort());

    const real = await runToEnd(core, () => core.call('campaigns.birthday.run', { dryRun: false }));
    expect(real.status).toBe('succeeded');
    expect(sim.sent().map((s) => s.text).sort()).toEqual(plan.toSend.map((p) => p.text).sort());
  }, 90_000);
});

describe('pending messages resolved from the conversation', () => {
  it('a multi-line emoji wish found in the conversation is settled as sent, and nobody is wished again', async () => {
    sim.configure(matrixDataset('en'));
    const multiLine = JSON.stringify(['Happy birthday, {firstName}! 🎂\nHave a great year\u00a0🎉  ', 'Joyeux anniversaire {firstName}\u00a0!\n\nBelle année 👩\u200d💻✨']);
    const core = await setup({ RAPPORT_BIRTHDAY_TEMPLATES_TODAY: multiLine, RAPPORT_BIRTHDAY_TEMPLATES_BELATED: multiLine });
    const first = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    expect(first.status, first.errorMessage ?? '').toBe('succeeded');
    const delivered = sim.sent();
    expect(delivered.length).toBe(eligibleNames().length);
    expect(delivered.every((m) => m.text.includes('\n'))).toBe(true);
    // As if the app had died between Send and the `sent` mark of every message.
    const sent = await core.call('interactions.list', { status: 'sent' });
    for (const row of sent.items) core.ctx.store.interactions.setStatus(row.id, 'pending');

    const second = await runToEnd(core, () => core.call('campaigns.birthday.run', {}));
    expect(second.status, second.errorMessage ?? '').toBe('succeeded');
    expect(second.counts).toMatchObject({ resolved_sent: delivered.length, skipped_already_wished: delivered.length });
    expect(second.counts.resolved_failed ?? 0).toBe(0);
    expect(sim.sent()).toHaveLength(delivered.length);
    expect((await core.call('interactions.list', { status: 'pending' })).total).toBe(0);
  }, 120_000);
});
