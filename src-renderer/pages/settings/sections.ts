import type { ComponentType } from 'react';
import { BrowserSection } from './browser/BrowserSection.js';
import { LanguageSection } from './language/LanguageSection.js';
import { LimitsSection } from './limits/LimitsSection.js';
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
  { id: 'language', component: LanguageSection },
  { id: 'limits', component: LimitsSection },
  { id: 'pacing', component: PacingSection },
  { id: 'working-hours', component: WorkingHoursSection },
  { id: 'schedules', component: SchedulesSection },
  { id: 'browser', component: BrowserSection },
  { id: 'redis', component: RedisSection },
  { id: 'server', component: ServerSection },
];
