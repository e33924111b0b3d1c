import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { defaultSettings, envNameForPath, settingLeaves, settingsFromEnv } from '../../../src-shared/settings.js';
import { RapportError } from '../../../src-shared/errors.js';
import { openDatabase } from '../../../src-main/core/store/db.js';
import { createStore } from '../../../src-main/core/store/index.js';
import { SettingsService } from '../../../src-main/core/settings-service.js';

function service(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-settings-'));
  const database = openDatabase(join(dir, 'r.db'));
  const store = createStore(database, () => new Date());
  return { settings: new SettingsService(store.settings, env), store, database };
}

function failure(fn: () => unknown): RapportError {
  try {
    fn();
  } catch (e) {
    return e as RapportError;
  }
  throw new Error('expected a failure');
}

describe('settings defaults', () => {
  it('match SPEC §10', () => {
    const s = defaultSettings();
    expect(s.linkedin.baseUrl).toBe('https://www.linkedin.com');
    expect(s.limits).toMatchObject({ messagesPerDay: 15, messagesPerWeek: 80, visitsPerDay: 40, visitsPerWeek: 200, warmup: true });
    expect(s.limits.redisUrl).toBeUndefined();
    expect(s.workingHours).toEqual({ enabled: true, days: [1, 2, 3, 4, 5], start: '08:30', end: '19:00' });
    expect(s.pacing).toEqual({ scale: 1, messageGapSeconds: [60, 180], visitGapSeconds: [15, 45], typingDelayMs: [40, 120] });
    expect(s.birthday).toMatchObject({ enabled: true, dryRun: true, includeBelated: true, maxDaysLate: 10 });
    expect(s.birthday.templatesToday.length).toBeGreaterThanOrEqual(2);
    expect(s.sourcing).toEqual({ searches: [], revisitAfterDays: 30 });
    expect(s.server).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(s.log.level).toBe('info');
  });
});

describe('settings.update', () => {
  it('stores a valid partial update and keeps the other sections', () => {
    const { settings } = service();
    const view = settings.update({ limits: { messagesPerDay: 10 } });
    expect(view.settings.limits.messagesPerDay).toBe(10);
    expect(view.settings.limits.messagesPerWeek).toBe(80);
    expect(settings.get().birthday.maxDaysLate).toBe(10);
  });

  it('clears a setting with null: an optional one returns to its default, a nullable one becomes null', () => {
    const { settings } = service();
    settings.update({ limits: { redisUrl: 'redis://127.0.0.1:6399' }, browser: { executablePath: '/usr/bin/chromium' } });
    expect(settings.get().limits.redisUrl).toBe('redis://127.0.0.1:6399');
    const view = settings.update({ limits: { redisUrl: null }, browser: { executablePath: null }, schedule: { birthday: null } });
    expect(view.settings.limits.redisUrl).toBeUndefined();
    expect(view.settings.browser.executablePath).toBeUndefined();
    expect(view.settings.schedule.birthday).toBeNull();
    expect(view.settings.limits.messagesPerDay).toBe(15);
  });

  it('persists across a reopen', () => {
    const { settings, store } = service();
    settings.update({ workingHours: { start: '09:00' } });
    const again = new SettingsService(store.settings, {});
    expect(again.get().workingHours.start).toBe('09:00');
    expect(again.get().workingHours.end).toBe('19:00');
  });

  it.each([
    [{ limits: { messagesPerDay: -1 } }, 'limits.messagesPerDay'],
    [{ limits: { messagesPerDay: 'many' } }, 'limits.messagesPerDay'],
    [{ limits: { messagesPerDay: 90, messagesPerWeek: 80 } }, 'limits.messagesPerDay'],
    [{ workingHours: { start: '25:00' } }, 'workingHours.start'],
    [{ workingHours: { start: '20:00', end: '08:00' } }, 'workingHours.end'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ linkedin: { baseUrl: 'javascript:alert(1)' } }, 'linkedin.baseUrl'],
    [{ server: { port: 70000 } }, 'server.port'],
    [{ limits: { redisUrl: 'http://x' } }, 'limits.redisUrl'],
    [{ nonsense: true }, '(root)'],
    [{ birthday: { templatesToday: [] } }, 'birthday.templatesToday'],
    [{ pacing: { messageGapSeconds: [200, 100] } }, 'pacing.messageGapSeconds'],
  ])('rejects %j naming %s and changes nothing', (patch, field) => {
    const { settings, store } = service();
    settings.update({ limits: { messagesPerDay: 12 } });
    const before = store.settings.all();
    const error = failure(() => settings.update(patch as Record<string, unknown>));
    expect(error).toBeInstanceOf(RapportError);
    expect(error.code).toBe('VALIDATION_FAILED');
    const issues = (error.details as { issues: { field: string }[] }).issues;
    expect(issues.map((i) => i.field).join(' ')).toContain(field === '(root)' ? '' : field);
    expect(error.message).toContain(field === '(root)' ? 'nonsense' : field);
    expect(store.settings.all()).toEqual(before);
    expect(settings.get().limits.messagesPerDay).toBe(12);
  });
});

describe('environment overrides', () => {
  it('names every leaf RAPPORT_ + upper snake path', () => {
    expect(envNameForPath('limits.messagesPerDay')).toBe('RAPPORT_LIMITS_MESSAGES_PER_DAY');
    expect(envNameForPath('linkedin.baseUrl')).toBe('RAPPORT_LINKEDIN_BASE_URL');
    expect(envNameForPath('workingHours.enabled')).toBe('RAPPORT_WORKING_HOURS_ENABLED');
    const names = settingLeaves().map((l) => l.env);
    expect(names).toContain('RAPPORT_TIME_ZONE');
    expect(names).toContain('RAPPORT_PACING_SCALE');
    expect(names).toContain('RAPPORT_BROWSER_EXECUTABLE_PATH');
  });

  it('overrides stored settings without storing, and reports which keys', () => {
    const { settings } = service({
      RAPPORT_LIMITS_MESSAGES_PER_DAY: '5',
      RAPPORT_LINKEDIN_BASE_URL: 'http://127.0.0.1:9999',
      RAPPORT_WORKING_HOURS_ENABLED: 'false',
      RAPPORT_REDIS_URL: 'redis://127.0.0.1:6390',
      RAPPORT_WORKING_HOURS_DAYS: '[1,2,3]',
    });
    const view = settings.view();
    expect(view.settings.limits.messagesPerDay).toBe(5);
    expect(view.settings.linkedin.baseUrl).toBe('http://127.0.0.1:9999');
    expect(view.settings.workingHours.enabled).toBe(false);
    expect(view.settings.workingHours.days).toEqual([1, 2, 3]);
    expect(view.settings.limits.redisUrl).toBe('redis://127.0.0.1:6390');
    expect(view.envOverrides.sort()).toEqual(
      ['limits.messagesPerDay', 'limits.redisUrl', 'linkedin.baseUrl', 'workingHours.days', 'workingHours.enabled'].sort(),
    );
    // An update of another key keeps the env value effective.
    expect(settings.update({ limits: { messagesPerWeek: 60 } }).settings.limits.messagesPerDay).toBe(5);
  });

  it('refuses a bad environment value naming the variable path', () => {
    const error = failure(() => service({ RAPPORT_LIMITS_MESSAGES_PER_DAY: 'lots' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('limits.messagesPerDay');
  });

  it('parses strings as strings', () => {
    expect(settingsFromEnv({ RAPPORT_TIME_ZONE: 'Europe/Paris' }).patch).toEqual({ timeZone: 'Europe/Paris' });
  });
});

describe('templates in settings', () => {
  it('rejects a bad template naming it and the problem, storing nothing', () => {
    const { settings, store } = service();
    const before = store.settings.all();
    const error = failure(() => settings.update({ birthday: { templatesBelated: ['Happy belated {firstName}', 'Hi {prenom}'] } }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('birthday.templatesBelated.1');
    expect(error.message).toContain('unknown placeholder {prenom}');
    expect(store.settings.all()).toEqual(before);
  });
});
