import type { Settings } from '../../../src-shared/settings.js';
import { abortError, type Clock, type Rng, type Sleep } from '../util/runtime.js';

/**
 * The one place every deliberate wait goes through (SPEC §3): gaps between messages and visits,
 * micro-pauses before actions, and per-key typing delays. All delays are drawn from the core's
 * seeded RNG and multiplied by `pacing.scale` (0 = no waits at all, for tests and benchmarks).
 */
export type WaitReason = 'message-gap' | 'visit-gap' | 'micro-pause' | (string & {});

export interface WaitInfo {
  reason: WaitReason;
  ms: number;
  /** ISO time the wait ends. */
  until: string;
}

/** What typing needs from Playwright's `page.keyboard`; kept narrow so tests can record keys. */
export interface KeyboardLike {
  type(text: string): Promise<void>;
  press(key: string): Promise<void>;
}

export interface PacingDeps {
  settings: () => Settings['pacing'];
  rng: Rng;
  sleep: Sleep;
  clock: Clock;
  /** Told about every wait except micro-pauses and keystrokes (those would flood a progress view). */
  onWait?: (wait: WaitInfo) => void;
}

export interface Pacing {
  /** Current scale (0 = no waits). */
  scale(): number;
  betweenMessages(signal: AbortSignal): Promise<void>;
  betweenVisits(signal: AbortSignal): Promise<void>;
  /** A short human hesitation before an action (0.4–1.5 s at scale 1). */
  micro(signal: AbortSignal): Promise<void>;
  /** Any other wait, already in milliseconds at scale 1. */
  wait(reason: WaitReason, ms: number, signal: AbortSignal): Promise<void>;
  /** Types into the focused element key by key, with a per-key delay; newlines become Shift+Enter. */
  type(keyboard: KeyboardLike, text: string, signal: AbortSignal): Promise<void>;
}

const MICRO_PAUSE_MS: [number, number] = [400, 1500];

export function createPacing(deps: PacingDeps): Pacing {
  const { rng, sleep, clock } = deps;
  const draw = ([min, max]: readonly [number, number]) => min + rng.next() * (max - min);

  async function wait(reason: WaitReason, msAtScaleOne: number, signal: AbortSignal, announce = true): Promise<void> {
    if (signal.aborted) throw abortError(signal);
    const ms = Math.round(msAtScaleOne * deps.settings().scale);
    if (ms <= 0) return;
    if (announce) deps.onWait?.({ reason, ms, until: new Date(clock.now().getTime() + ms).toISOString() });
    await sleep(ms, signal);
  }

  return {
    scale: () => deps.settings().scale,
    betweenMessages: (signal) => wait('message-gap', draw(deps.settings().messageGapSeconds) * 1000, signal),
    betweenVisits: (signal) => wait('visit-gap', draw(deps.settings().visitGapSeconds) * 1000, signal),
    micro: (signal) => wait('micro-pause', draw(MICRO_PAUSE_MS), signal, false),
    wait: (reason, ms, signal) => wait(reason, ms, signal),

    async type(keyboard, text, signal) {
      // Enter would send the message in LinkedIn's composer; a line break there is Shift+Enter.
      const unix = text.replace(/\r\n?/g, '\n');
      if (deps.settings().scale === 0) {
        // No delays wanted: Playwright still sends one key event per character, just without pauses.
        for (const [i, line] of unix.split('\n').entries()) {
          if (signal.aborted) throw abortError(signal);
          if (i > 0) await keyboard.press('Shift+Enter');
          if (line) await keyboard.type(line);
        }
        return;
      }
      const typing = deps.settings().typingDelayMs;
      for (const ch of Array.from(unix)) {
        if (signal.aborted) throw abortError(signal);
        if (ch === '\n') await keyboard.press('Shift+Enter');
        else await keyboard.type(ch);
        await wait('typing', draw(typing), signal, false);
      }
    },
  };
}
