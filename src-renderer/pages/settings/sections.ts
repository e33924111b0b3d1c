import type { ComponentType } from 'react';
import { DataSection } from './data/DataSection.js';
import { LanguageSection } from './language/LanguageSection.js';
import { NotificationsSection } from './notifications/NotificationsSection.js';
import { DesktopSection } from './desktop/DesktopSection.js';

export interface SettingsSection {
  /** Anchor id (`#/settings#language` is not used: sections are plain headings on one page). */
  id: string;
  component: ComponentType;
}

/** The Settings page's sections, in order; each lives in its own folder with its texts and queries. */
export const SETTINGS_SECTIONS: SettingsSection[] = [
  { id: 'language', component: LanguageSection },
  { id: 'notifications', component: NotificationsSection },
  { id: 'data', component: DataSection },
  { id: 'desktop', component: DesktopSection },
];
