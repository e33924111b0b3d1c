import { parseArgs } from 'node:util';
import type { Status } from '../../src-shared/domain.js';
import type { CliCommand } from './types.js';
import { withCore } from './with-core.js';

export function formatStatus(status: Status, language: 'en' | 'fr' = 'en'): string[] {
  const lines = [`Rapport ${status.version} — ${status.state}: ${status.reason[language]}`];
  if (status.until) lines.push(`  until ${status.until}`);
  lines.push(`  account: ${status.account.state}${status.account.lastVerifiedAt ? ` (verified ${status.account.lastVerifiedAt})` : ''}`);
  for (const q of status.quotas) {
    lines.push(
      `  ${q.quota}: today ${q.day.used}/${q.day.limit} (resets ${q.day.resetsAt}), this week ${q.week.used}/${q.week.limit}${q.warmup ? ' [warm-up]' : ''}`,
    );
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
      else formatStatus(status, (await core.call('settings.get', {})).settings.ui.language).forEach((l) => io.out(l));
      return 0;
    }, {}, 'read');
  },
};
