import {
  clearRefusedNulls,
  mergeSettings,
  settingsFromEnv,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../src-shared/settings.js';
import { issuesFromZod, RapportError, validationError } from '../../src-shared/errors.js';
import type { KeyValueRepository } from './store/key-value-repo.js';

export interface SettingsView {
  settings: Settings;
  envOverrides: string[];
}

type Listener = (settings: Settings) => void;

/**
 * Stored settings (one row per top-level section) overlaid with RAPPORT_* environment variables.
 * Updates validate the whole merged result and store nothing unless it is all valid.
 */
export class SettingsService {
  private current: Settings;
  private readonly envPatch: Record<string, unknown>;
  private readonly envPaths: string[];
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly repo: KeyValueRepository,
    env: Record<string, string | undefined>,
    /** Extra validation the schema cannot do alone (e.g. templates), returning field issues. */
    private readonly extraChecks: ((s: Settings) => { field: string; reason: string }[])[] = [],
  ) {
    const fromEnv = settingsFromEnv(env);
    this.envPatch = fromEnv.patch;
    this.envPaths = fromEnv.paths;
    const envCheck = settingsSchema.safeParse(mergeSettings(this.storedValid(), this.envPatch));
    if (!envCheck.success) {
      throw validationError(
        'settings from environment variables',
        issuesFromZod(envCheck.error).map((i) => ({ ...i, field: `${i.field} (RAPPORT_ environment variable)` })),
      );
    }
    this.current = envCheck.data;
  }

  /** Stored sections, dropping any that no longer validate (e.g. after a downgrade) rather than refusing to start. */
  private storedValid(): Record<string, unknown> {
    const stored = this.repo.all();
    const valid: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(stored)) {
      if (!(key in settingsSchema.shape)) continue;
      const probe = settingsSchema.safeParse({ [key]: value });
      if (probe.success) valid[key] = value;
    }
    return valid;
  }

  get(): Settings {
    return this.current;
  }

  view(): SettingsView {
    return { settings: this.current, envOverrides: [...this.envPaths] };
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  update(patch: SettingsPatch): SettingsView {
    const merged = clearRefusedNulls(mergeSettings(this.storedValid(), patch), patch);
    const parsed = settingsSchema.safeParse(merged);
    if (!parsed.success) throw validationError('settings', issuesFromZod(parsed.error));
    const extra = this.extraChecks.flatMap((check) => check(parsed.data));
    if (extra.length) throw validationError('settings', extra);
    const effective = settingsSchema.safeParse(mergeSettings(parsed.data, this.envPatch));
    if (!effective.success) throw new RapportError('INTERNAL', 'Environment overrides became invalid.');
    const sections = Object.keys(patch).filter((k) => k in parsed.data) as (keyof Settings)[];
    this.repo.setMany(Object.fromEntries(sections.map((k) => [k, parsed.data[k]])));
    this.current = effective.data;
    for (const listener of this.listeners) listener(this.current);
    return this.view();
  }
}
