import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/index.js';
import { ActivityPage } from './activity/ActivityPage.js';
import { CampaignsPage } from './campaigns/CampaignsPage.js';
import { ContactsPage } from './contacts/ContactsPage.js';
import { SettingsPage } from './settings/SettingsPage.js';
import { TodayPage } from './today/TodayPage.js';

export interface PageEntry {
  /** The route (`#/today`); a page owns everything under it (`#/activity/runs/12`). */
  path: `/${string}`;
  label: MessageKey;
  component: ComponentType;
}

/** The navigation, in order. Only pages that work are listed; the others join as they are built. */
export const PAGES: PageEntry[] = [
  { path: '/today', label: 'today', component: TodayPage },
  { path: '/activity', label: 'activity', component: ActivityPage },
  { path: '/campaigns', label: 'campaigns', component: CampaignsPage },
  { path: '/contacts', label: 'contacts', component: ContactsPage },
  { path: '/settings', label: 'settings', component: SettingsPage },
];
