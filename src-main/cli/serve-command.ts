import { parseArgs } from 'node:util';
import { startHeadless } from '../headless.js';
import type { CliCommand } from './types.js';

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--port N] [--host ADDR] [--data-dir DIR]',
  summary: 'Run the app headless: core, local server and the control panel on 127.0.0.1',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' } },
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
    io.out(`API token: in ${tokenWhere} (open ${host.panelUrl}#token=<token> to sign in)`);
    io.out(`Health: ${host.server.url}/health  Ready: ${host.server.url}/ready  Metrics: ${host.server.url}/metrics`);
    io.out(`Data: ${core.ctx.paths.dataDir}`);
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
