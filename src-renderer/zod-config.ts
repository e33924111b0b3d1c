import { z } from 'zod';

// The panel's CSP has no 'unsafe-eval'. Zod probes `new Function` when an object schema is built, and
// Chromium reports that caught probe as a CSP violation; jitless mode skips the probe (and the JIT).
// This module must be imported before anything that builds a schema (src-shared/contract.ts).
z.config({ jitless: true });
