import { parseArgs } from 'node:util';
import type { BirthdayPlan } from '../../src-shared/domain.js';
import { UsageError, type CliCommand, type CliIo } from './types.js';
import { withCore } from './with-core.js';

function printPlan(plan: BirthdayPlan, io: CliIo): void {
  io.out(`Birthday plan for ${plan.date} (${plan.source === 'cache' ? "from today's read" : 'read now'}):`);
  if (plan.toSend.length === 0) io.out('  nobody to wish');
  for (const p of plan.toSend) {
    io.out(`  → ${p.contact.fullName}${p.daysLate ? ` (${p.daysLate} days late)` : ''}: ${p.text}`);
  }
  for (const s of plan.skipped) io.out(`  ✗ ${s.contact.fullName}: ${s.reason}`);
  const before = plan.quotas.before.find((q) => q.quota === 'messages');
  const after = plan.quotas.after.find((q) => q.quota === 'messages');
  if (before && after) io.out(`  messages today: ${before.day.used}/${before.day.limit} → ${after.day.used}/${after.day.limit}`);
}

export const planCommand: CliCommand = {
  name: 'plan',
  usage: 'plan birthday [--json]',
  summary: "Preview today's birthday wishes and skips without sending",
  async run(args, io) {
    const [kind, ...rest] = args;
    if (kind !== 'birthday') throw new UsageError(`plan needs a campaign: birthday${kind ? ` (got "${kind}")` : ''}`);
    const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } }, strict: true, allowPositionals: false });
    return withCore(async (core) => {
      const plan = await core.call('plan.birthday', {});
      if (values.json) io.out(JSON.stringify(plan, null, 2));
      else printPlan(plan, io);
      return 0;
    }, {}, 'read');
  },
};
