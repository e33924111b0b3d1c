import { createCore, type Core, type CoreOptions } from '../core/app.js';

/** Runs a CLI command against a core built on the user's data dir and always stops it. */
export async function withCore(fn: (core: Core) => Promise<number>, options: CoreOptions = {}): Promise<number> {
  const core = await createCore(options);
  try {
    return await fn(core);
  } finally {
    await core.stop();
  }
}
