import type { ComponentType } from 'react';
import { AccountSection } from './account/AccountSection.js';
import { BrowserSection } from './browser/BrowserSection.js';
import { DataSection } from './data/DataSection.js';
import { DesktopSection } from './desktop/DesktopSection.js';
import { LanguageSection } from './language/LanguageSection.js';
import { LimitsSection } from './limits/LimitsSection.js';
import { NotificationsSection } from './notifications/NotificationsSection.js';
import { PacingSection } from './pacing/PacingSection.js';
import { RedisSection } from './redis/RedisSection.js';
import { SchedulesSection } from './schedules/SchedulesSection.js';
import { ServerSection } from './server/ServerSection.js';
import { WorkingHoursSection } from './working-hours/WorkingHoursSection.js';

export interface SettingsSection {
  /** Anchor id (`#/settings#language` is not used: sections are plain headings on one page). */
  id: string;
  component: ComponentType;
}

/** The Settings page's sections, in order; each lives in its own folder with its texts and queries. */
export const SETTINGS_SECTIONS: SettingsSection[] = [
  { id: 'account', component: AccountSection },
  { id: 'limits', component: LimitsSection },
  { id: 'pacing', component: PacingSection },
  { id: 'working-hours', component: WorkingHoursSection },
  { id: 'schedules', component: SchedulesSection },
  { id: 'browser', component: BrowserSection },
  { id: 'redis', component: RedisSection },
  { id: 'server', component: ServerSection },
  { id: 'notifications', component: NotificationsSection },
  { id: 'desktop', component: DesktopSection },
  { id: 'language', component: LanguageSection },
  { id: 'data', component: DataSection },
];
