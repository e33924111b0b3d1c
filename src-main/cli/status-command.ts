import { parseArgs } from 'node:util';
import type { Status } from '../../src-shared/domain.js';
import { statusSentence } from '../../src-shared/status-text.js';
import type { CliCommand } from './types.js';
import { withCore } from './with-core.js';

export function formatStatus(status: Status, language: 'en' | 'fr' = 'en', timeZone?: string): string[] {
  // Rendered here from the code and its parameters; an older core without params sent the sentence.
  const sentence = status.reason.params ? statusSentence(status.reason, language, { timeZone }) : status.reason[language];
  const lines = [`Rapport ${status.version} — ${status.state}: ${sentence}`];
  if (status.until) lines.push(`  until ${status.until}`);
  lines.push(`  account: ${status.account.state}${status.account.lastVerifiedAt ? ` (verified ${status.account.lastVerifiedAt})` : ''}`);
  for (const q of status.quotas) {
    lines.push(
      `  ${q.quota}: today ${q.day.used}/${q.day.limit} (resets ${q.day.resetsAt}), this week ${q.week.used}/${q.week.limit}${q.warmup ? ' [warm-up]' : ''}`,
    );
  }
  for (const spent of status.exhaustedQuotas ?? []) {
    lines.push(`  ${spent.quota}: ${spent.window === 'day' ? "today's" : "this week's"} quota is used up until ${spent.resetsAt}`);
  }
  lines.push(`  quota store: ${status.quotaStore}; dry run: ${status.dryRun ? 'on' : 'off'}`);
  if (status.lastRun) {
    lines.push(`  last run: #${status.lastRun.id} ${status.lastRun.kind} ${status.lastRun.status} at ${status.lastRun.startedAt}`);
  }
  lines.push(`  data: ${status.dataDir}`);
  return lines;
}

export const statusCommand: CliCommand = {
  name: 'status',
  usage: 'status [--json]',
  summary: "Show the app's state, account and quotas",
  async run(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true, allowPositionals: false });
    return withCore(async (core) => {
      const status = await core.call('status.get', {});
      if (values.json) io.out(JSON.stringify(status, null, 2));
      else {
        const { settings } = await core.call('settings.get', {});
        formatStatus(status, settings.ui.language, settings.timeZone).forEach((l) => io.out(l));
      }
      return 0;
    }, {}, 'read');
  },
};
