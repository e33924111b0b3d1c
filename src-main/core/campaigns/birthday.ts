import type { z } from 'zod';
import type { birthdayRunInputSchema } from '../../../src-shared/contract.js';
import type { BirthdayPlan, Contact, Run } from '../../../src-shared/domain.js';
import { isRapportError, RapportError } from '../../../src-shared/errors.js';
import { eventHoldsMessage } from '../../../src-shared/text-match.js';
import type { BirthdayCard, LinkedIn } from '../browser/index.js';
import type { CoreContext } from '../context.js';
import { formatLocalDate, localDateOf } from '../limits/calendar.js';
import { quotaExhaustedError } from '../limits/quota.js';
import { decideBirthdays, type BirthdayDecision } from './birthday-plan.js';
import type { CampaignDeps } from './deps.js';
import type { RunContext, RunTrigger } from './runner.js';
import { describeWorkingHours, withinWorkingHours } from './working-hours.js';

export type BirthdayRunInput = z.output<typeof birthdayRunInputSchema>;

/** Today's birthday-page read, kept so the plan preview needs no browser later the same day. */
const LAST_READ_KEY = 'birthday.lastRead';
interface LastRead {
  date: string;
  readAt: string;
  cards: BirthdayCard[];
}

function today(ctx: CoreContext) {
  return localDateOf(ctx.clock.now(), ctx.settings.get().timeZone);
}

function upsertContacts(ctx: CoreContext, decisions: BirthdayDecision[]): Map<string, Contact> {
  const byUrl = new Map<string, Contact>();
  for (const d of decisions) {
    const parts = d.card.fullName.trim().split(/\s+/);
    const contact = ctx.store.contacts.upsert({
      profileUrl: d.card.profileUrl,
      publicId: d.card.publicId,
      fullName: d.card.fullName,
      firstName: parts[0] ?? null,
      lastName: parts.length > 1 ? parts.slice(1).join(' ') : null,
      birthMonth: d.card.birthMonth ?? d.birthDate?.month ?? null,
      birthDay: d.card.birthDay ?? d.birthDate?.day ?? null,
      source: 'birthday',
    });
    byUrl.set(contact.profileUrl, contact);
  }
  return byUrl;
}

function decide(ctx: CoreContext, cards: BirthdayCard[]): BirthdayDecision[] {
  return decideBirthdays({
    cards,
    today: today(ctx),
    settings: ctx.settings.get(),
    contactOf: (card) => ctx.store.contacts.getByProfileUrl(card.profileUrl),
    interactionsOf: (id) => ctx.store.interactions.forContact(id, 'birthday_message'),
    erasedKeysOf: (card) => ctx.store.tombstones.keysFor(card.profileUrl, 'birthday_message'),
  });
}

async function readBirthdays(ctx: CoreContext, li: LinkedIn): Promise<BirthdayCard[]> {
  const cards = await li.birthdays.read();
  ctx.store.appState.set(LAST_READ_KEY, {
    date: formatLocalDate(today(ctx)),
    readAt: ctx.clock.now().toISOString(),
    cards,
  } satisfies LastRead);
  return cards;
}

/**
 * A `pending` message is one whose Send may or may not have reached LinkedIn (the app stopped in
 * between). Reading the conversation settles it: an event holds the whole text → sent, otherwise → failed.
 */
async function resolvePending(ctx: CoreContext, li: LinkedIn, currentRunId: number, rc: RunContext): Promise<void> {
  const pending = ctx.store.interactions.withStatus('pending', 'birthday_message').filter((i) => i.runId !== currentRunId);
  for (const interaction of pending) {
    const contact = ctx.store.contacts.get(interaction.contactId);
    const text = typeof interaction.payload.text === 'string' ? interaction.payload.text : null;
    if (!contact?.publicId || !text) {
      ctx.store.interactions.setStatus(interaction.id, 'failed', { resolvedBy: 'no-contact-or-text' });
      continue;
    }
    rc.progress('checking an unconfirmed message', contact.fullName);
    const texts = await li.messaging.readConversation(contact.publicId, contact.fullName);
    // Both sides normalised alike: LinkedIn shows line breaks and runs of spaces as single spaces.
    const delivered = texts.some((t) => eventHoldsMessage(t, text));
    ctx.store.interactions.setStatus(interaction.id, delivered ? 'sent' : 'failed', { resolvedBy: 'conversation', resolvedInRun: currentRunId });
    rc.bump(delivered ? 'resolved_sent' : 'resolved_failed');
    ctx.logger.info({ interactionId: interaction.id, delivered }, 'pending birthday message resolved');
  }
}

async function sendOne(deps: CampaignDeps, li: LinkedIn, rc: RunContext, decision: BirthdayDecision, contact: Contact): Promise<void> {
  const { ctx } = deps;
  const grant = await ctx.quotas.acquire('messages');
  if (!grant.granted) throw quotaExhaustedError(grant, ctx.settings.get().timeZone);
  const interaction = ctx.store.interactions.tryCreate({
    contactId: contact.id,
    runId: rc.run.id,
    type: 'birthday_message',
    status: 'pending',
    dedupeKey: decision.dedupeKey!,
    payload: { text: decision.text, templateIndex: decision.templateIndex, list: decision.list, daysLate: decision.daysLate },
  });
  if (!interaction) {
    // Another record for this birthday appeared since the decision: never send twice.
    await ctx.quotas.release('messages');
    rc.bump('skipped_already_wished');
    return;
  }
  let sendPressed = false;
  try {
    await li.messaging.send({
      publicId: decision.card.publicId,
      fullName: decision.card.fullName,
      text: decision.text!,
      from: 'birthdays',
      onTyped: () => {
        sendPressed = true;
      },
    });
  } catch (e) {
    if (!sendPressed) {
      ctx.store.interactions.setStatus(interaction.id, 'failed', { error: isRapportError(e) ? e.code : 'INTERNAL' });
      await ctx.quotas.release('messages');
      ctx.metrics.birthdayMessagesSent.inc({ status: 'failed' });
      rc.bump('failed');
    }
    // Send was pressed: LinkedIn may have it. The record stays pending and the next run reads the conversation.
    throw e;
  }
  ctx.store.interactions.setStatus(interaction.id, 'sent', { confirmedAt: ctx.clock.now().toISOString() });
  ctx.metrics.birthdayMessagesSent.inc({ status: 'sent' });
  rc.bump('sent');
}

async function birthdayBody(deps: CampaignDeps, input: BirthdayRunInput, dryRun: boolean, rc: RunContext): Promise<void> {
  const { ctx, engine } = deps;
  const settings = ctx.settings.get();
  if (!input.ignoreWorkingHours && !withinWorkingHours(ctx.clock.now(), settings.workingHours, settings.timeZone)) {
    throw new RapportError(
      'OUTSIDE_WORKING_HOURS',
      `Outside working hours (${describeWorkingHours(settings.workingHours, settings.timeZone)}): nothing was sent. Run it inside those hours or ignore them for this run.`,
    );
  }
  await engine.withLinkedIn(
    rc.signal,
    async (li) => {
      rc.progress('reading the birthday list');
      if (!dryRun) await resolvePending(ctx, li, rc.run.id, rc);
      const cards = await readBirthdays(ctx, li);
      const decisions = decide(ctx, cards);
      const contacts = upsertContacts(ctx, decisions);
      ctx.metrics.birthdayContactsChecked.inc(decisions.length);
      rc.bump('seen', decisions.length);
      const toSend = decisions.filter((d) => d.action === 'send');
      for (const d of decisions.filter((x) => x.action === 'skip')) {
        rc.bump(`skipped_${d.reason}`);
        ctx.metrics.birthdayMessagesSent.inc({ status: 'skipped' });
      }
      for (const [i, decision] of toSend.entries()) {
        const contact = contacts.get(decision.card.profileUrl)!;
        rc.progress(dryRun ? 'dry run: would send' : 'sending', decision.card.fullName, toSend.length);
        if (dryRun) {
          ctx.store.interactions.create({
            contactId: contact.id,
            runId: rc.run.id,
            type: 'birthday_message',
            status: 'dry_run',
            dedupeKey: decision.dedupeKey!,
            payload: { text: decision.text, templateIndex: decision.templateIndex, list: decision.list, daysLate: decision.daysLate },
          });
          ctx.metrics.birthdayMessagesSent.inc({ status: 'dry_run' });
          rc.bump('dry_run');
          continue;
        }
        const now = ctx.clock.now();
        if (!input.ignoreWorkingHours && !withinWorkingHours(now, settings.workingHours, settings.timeZone)) {
          throw new RapportError('OUTSIDE_WORKING_HOURS', 'Working hours ended during the run; the rest waits for the next run.');
        }
        if (i > 0) await li.pacing.betweenMessages(rc.signal);
        await sendOne(deps, li, rc, decision, contact);
      }
      rc.progress('done');
    },
    { onWait: (wait) => rc.waiting(wait) },
  );
}

/** Starts a birthday run (dry run from the input, else the `birthday.dryRun` setting). */
export function startBirthdayRun(deps: CampaignDeps, input: BirthdayRunInput, trigger: RunTrigger): { run: Run; done: Promise<Run> } {
  const dryRun = input.dryRun ?? deps.ctx.settings.get().birthday.dryRun;
  return deps.runner.start('birthday', trigger, dryRun, (rc) => birthdayBody(deps, input, dryRun, rc));
}

/** Who would be wished today with which text, who is skipped and why, and the quota budget before/after. */
export async function planBirthday(deps: CampaignDeps, signal: AbortSignal): Promise<BirthdayPlan> {
  const { ctx, engine } = deps;
  const date = formatLocalDate(today(ctx));
  const cached = ctx.store.appState.get<LastRead>(LAST_READ_KEY);
  let cards: BirthdayCard[];
  let source: BirthdayPlan['source'];
  if (cached && cached.date === date) {
    cards = cached.cards;
    source = 'cache';
  } else {
    cards = await engine.withLinkedIn(signal, (li) => readBirthdays(ctx, li));
    source = 'live';
  }
  const decisions = decide(ctx, cards);
  const before = await ctx.quotas.usage();
  const messages = before.find((q) => q.quota === 'messages');
  let budget = messages ? Math.min(messages.day.limit - messages.day.used, messages.week.limit - messages.week.used) : 0;
  const plan: BirthdayPlan = { date, source, toSend: [], skipped: [], quotas: { before, after: before } };
  for (const d of decisions) {
    const contact = { profileUrl: d.card.profileUrl, fullName: d.card.fullName };
    if (d.action === 'send' && budget > 0) {
      budget -= 1;
      const firstName = d.card.fullName.trim().split(/\s+/)[0] ?? null;
      plan.toSend.push({ contact: { ...contact, firstName }, daysLate: d.daysLate ?? 0, text: d.text! });
    } else {
      plan.skipped.push({ contact, daysLate: d.daysLate, reason: d.action === 'send' ? 'quota' : d.reason! });
    }
  }
  const sending = plan.toSend.length;
  plan.quotas.after = before.map((q) =>
    q.quota === 'messages' ? { ...q, day: { ...q.day, used: q.day.used + sending }, week: { ...q.week, used: q.week.used + sending } } : q,
  );
  return plan;
}
