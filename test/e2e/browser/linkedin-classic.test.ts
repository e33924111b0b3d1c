/** Page objects on the simulator's classic DOM generation, English and French (see linkedin-suite.ts). */
import { vi } from 'vitest';
import { linkedInSuite } from './linkedin-suite.js';

// Each test drives a real Chromium; on a busy machine a launch alone can take seconds.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

linkedInSuite('classic', { popupLocale: 'en', withoutLandmarks: false });
