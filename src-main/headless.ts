import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from './core/app.js';
import { appRoot } from './core/app-root.js';
import type { RunningServer } from './core/server/http.js';

/** Found from the package root, so the same code works from src-main/ (tsx) and from the bundles in dist/node/. */
export const RENDERER_DIR = join(appRoot(), 'dist', 'renderer');

export interface HeadlessOptions {
  host?: string;
  port?: number;
  dataDir?: string;
  env?: Record<string, string | undefined>;
  /** Log lines to stderr too (default true; the demo keeps its terminal for its own messages). */
  logToStderr?: boolean;
}

export interface HeadlessHost {
  core: Core;
  server: RunningServer;
  panelUrl: string;
  hasPanel: boolean;
  stop(): Promise<void>;
}

/** The app without a window: the core plus the local server and the built control panel on 127.0.0.1. */
export async function startHeadless(options: HeadlessOptions = {}): Promise<HeadlessHost> {
  const core = await createCore({
    dataDir: options.dataDir,
    env: options.env,
    logToStderr: options.logToStderr ?? true,
    extensions: { schedule: true },
    lockRole: 'serve',
  });
  try {
    const hasPanel = existsSync(`${RENDERER_DIR}/index.html`);
    const server = await core.serve({ host: options.host, port: options.port, staticDir: hasPanel ? RENDERER_DIR : undefined });
    return {
      core,
      server,
      hasPanel,
      panelUrl: `${server.url}/`,
      stop: async () => {
        await core.stop();
      },
    };
  } catch (e) {
    await core.stop();
    throw e;
  }
}
