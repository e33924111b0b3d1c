import { parseArgs } from 'node:util';
import { startHeadless } from '../headless.js';
import { openBrowser, shouldOpenBrowser, signInLink } from './open-browser.js';
import type { CliCommand } from './types.js';

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--port N] [--host ADDR] [--data-dir DIR] [--open]',
  summary: 'Run the app headless: core, local server and the control panel on 127.0.0.1',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' }, open: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    });
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      throw new Error(`--port must be a port number (0–65535), got "${values.port}"`);
    }
    const host = await startHeadless({ port, host: values.host, dataDir: values['data-dir'] });
    const { core } = host;
    const tokenWhere = core.apiKeySource === 'env' ? 'the RAPPORT_API_KEY environment variable' : `${core.ctx.paths.apiKeyFile}`;
    io.out(`Rapport ${core.ctx.version} is running headless.`);
    io.out(`Control panel: ${host.panelUrl}${host.hasPanel ? '' : ' (not built: run `npm run build:renderer`)'}`);
    // Like notebook servers: one link that signs in as it is. The token is in the fragment, so no server sees it.
    const link = signInLink(host.panelUrl, core.apiKey);
    io.out(`Sign in: ${link}`);
    io.out(`API token: in ${tokenWhere}`);
    io.out(`Health: ${host.server.url}/health  Ready: ${host.server.url}/ready  Metrics: ${host.server.url}/metrics`);
    io.out(`Data: ${core.ctx.paths.dataDir}`);
    if (shouldOpenBrowser(values.open ?? false, process.env)) {
      io.out((await openBrowser(link)) ? 'Opened the control panel in your browser.' : 'Could not open a browser: open the sign-in link above.');
    } else {
      io.out('Open the sign-in link above, or start with --open (or RAPPORT_OPEN_BROWSER=1) to open it for you.');
    }
    if (!/^127\.|^::1$|^localhost$/.test(host.server.host)) {
      io.err(`Warning: the server listens on ${host.server.host}, not only on this machine.`);
    }
    await new Promise<void>((resolve) => {
      const shutdown = () => {
        process.off('SIGINT', shutdown);
        process.off('SIGTERM', shutdown);
        io.out('Stopping…');
        host.stop().then(resolve, resolve);
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    });
    return 0;
  },
};
