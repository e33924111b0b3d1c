import type { ComponentType } from 'react';
import { OutboxSection } from './outbox/OutboxSection.js';

export interface ActivitySection {
  id: string;
  component: ComponentType;
}

/** The Activity page's sections, in order; each lives in its own folder with its texts and queries. */
export const ACTIVITY_SECTIONS: ActivitySection[] = [{ id: 'outbox', component: OutboxSection }];
