import type { Locator } from 'playwright-core';
import { canonicalProfileUrl } from '../../../../src-shared/profile-url.js';
import { RapportError } from '../../../../src-shared/errors.js';
import type { BrowserPage } from './browser-page.js';
import { parseCardLines, type Degree } from './profile-text.js';
import { lines, normaliseText, splitName } from './text.js';

export interface ProfileData {
  publicId: string;
  profileUrl: string;
  fullName: string;
  firstName: string;
  lastName: string | null;
  headline: string | null;
  location: string | null;
  /** Current company; null when the profile shows none (normal, not an error). */
  company: string | null;
  degree: Degree | null;
}

export function profilePath(publicId: string): string {
  return `/in/${encodeURIComponent(publicId)}/`;
}

/** A profile page: its top card, read on meaning (name heading, then the text blocks under it). */
export class ProfilePage {
  constructor(private readonly bp: BrowserPage) {}

  /** Loads the profile and returns its top card. */
  async open(publicId: string): Promise<Locator> {
    const { status } = await this.bp.goto(profilePath(publicId), ['profile.name']);
    if (status === 404) throw new RapportError('NOT_FOUND', `The LinkedIn profile ${publicId} does not exist (any more).`, { publicId });
    return this.bp.engine.one('profile.topCard');
  }

  async visit(publicId: string): Promise<ProfileData> {
    const { engine } = this.bp;
    const card = await this.open(publicId);
    const fullName = normaliseText(await (await engine.one('profile.name', { scope: this.bp.page })).innerText());
    const companyButton = await engine.optional('profile.company', { scope: card });
    const company = companyButton ? await this.companyName(companyButton) : null;
    const text = parseCardLines(lines(await card.innerText()), fullName, company ? [company] : []);
    const { firstName, lastName } = splitName(fullName);
    return { publicId, profileUrl: canonicalProfileUrl(publicId), fullName, firstName, lastName, ...text, company };
  }

  /** "Current company: Acme" → "Acme"; the button's own text when the label says nothing more. */
  private async companyName(button: Locator): Promise<string | null> {
    const label = (await button.getAttribute('aria-label')) ?? '';
    const fromLabel = /:\s*(.+)$/.exec(label)?.[1];
    const name = normaliseText(fromLabel ?? (await button.innerText()));
    return name || null;
  }
}
