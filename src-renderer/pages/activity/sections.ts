import type { ComponentType } from 'react';

export interface ActivitySection {
  id: string;
  component: ComponentType;
}

/** The Activity page's sections, in order; each lives in its own folder with its texts and queries. */
export const ACTIVITY_SECTIONS: ActivitySection[] = [];
