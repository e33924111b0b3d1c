import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src-main/core/events.js';
import { feedNativeNotifications } from '../../../src-main/shell/native-notifications.js';
import type { Notice } from '../../../src-main/shell/notices.js';

describe('native notifications', () => {
  it('show each notification event of the core with its title and text, until unsubscribed', () => {
    const events = new EventBus();
    const shown: Notice[] = [];
    const off = feedNativeNotifications(events, (n) => shown.push(n));
    const n = {
      event: 'action_needed' as const,
      code: 'LINKEDIN_CHECKPOINT',
      severity: 'critical' as const,
      lang: 'fr' as const,
      title: 'Rapport a besoin de vous : vérification de sécurité LinkedIn',
      text: 'LinkedIn demande une vérification de sécurité.',
      runId: 3,
      link: 'http://127.0.0.1:9464/#/activity/runs/3',
      time: '2026-01-01T00:00:00.000Z',
    };
    events.emit('notification', n);
    events.emit('log.line', { level: 'info', time: n.time, msg: 'unrelated', runId: null, component: null, details: null });
    off();
    events.emit('notification', n);
    expect(shown).toEqual([{ title: n.title, body: n.text }]);
  });
});
