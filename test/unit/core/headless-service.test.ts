import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.error) throw new Error(`${command} is needed (${r.error.message}): apt install ${command === 'yamllint' ? 'yamllint' : 'systemd'}`);
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('deployment/systemd/rapport.service', () => {
  const unit = readFileSync('deployment/systemd/rapport.service', 'utf8');
  const lines = unit.split('\n').filter((l) => l && !l.startsWith('#'));

  it('passes systemd-analyze verify as a user unit', () => {
    // A user manager needs a runtime directory; a private one keeps the check off the machine's session.
    const runtime = mkdtempSync(join(tmpdir(), 'rapport-runtime-'));
    try {
      const r = run('systemd-analyze', ['--user', 'verify', resolve('deployment/systemd/rapport.service')], { XDG_RUNTIME_DIR: runtime });
      expect(r.output.trim(), r.output).toBe('');
      expect(r.code).toBe(0);
    } finally {
      rmSync(runtime, { recursive: true, force: true });
    }
  });

  it('runs `rapport serve`, restarts on failure, and takes the data folder and port from the environment', () => {
    expect(lines).toContain('ExecStart=/usr/bin/env rapport serve');
    expect(lines).toContain('Restart=on-failure');
    expect(lines).toContain('Environment=RAPPORT_DATA_DIR=%h/.local/share/rapport');
    expect(lines).toContain('Environment=RAPPORT_SERVER_PORT=9464');
    // Later lines win in systemd: the user's file overrides the defaults above it.
    const file = lines.indexOf('EnvironmentFile=-%h/.config/rapport/rapport.env');
    expect(file).toBeGreaterThan(lines.indexOf('Environment=RAPPORT_SERVER_PORT=9464'));
    expect(lines).toContain('WantedBy=default.target');
  });
});

interface ComposeService {
  build?: { context: string; dockerfile: string };
  image?: string;
  network_mode?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
}

describe('deployment/compose.yaml', () => {
  const compose = load(readFileSync('deployment/compose.yaml', 'utf8')) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
  const { rapport, prometheus, grafana } = compose.services;

  it('passes yamllint (strict), with Grafana’s provisioning files', () => {
    const r = run('yamllint', ['-s', '-c', 'deployment/.yamllint.yaml', 'deployment/compose.yaml', 'deployment/grafana/provisioning']);
    expect(r.output, r.output).toBe('');
    expect(r.code).toBe(0);
  });

  it('runs the headless host from the Dockerfile beside Prometheus and Grafana, all on the host’s loopback', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['grafana', 'prometheus', 'rapport']);
    expect(existsSync(join('deployment', rapport.build!.context, rapport.build!.dockerfile))).toBe(true);
    for (const s of [rapport, prometheus, grafana]) expect(s.network_mode).toBe('host');
    expect(rapport.environment?.RAPPORT_SERVER_HOST).toBe('127.0.0.1');
    expect(prometheus.command).toContain('--web.listen-address=127.0.0.1:9090');
    expect(grafana.environment?.GF_SERVER_HTTP_ADDR).toBe('127.0.0.1');
    // Prometheus scrapes the port Rapport serves on.
    const scrape = readFileSync('deployment/prometheus/prometheus.yml', 'utf8');
    expect(scrape).toContain(`'127.0.0.1:${rapport.environment?.RAPPORT_SERVER_PORT}'`);
  });

  it('provisions Prometheus with deployment/’s rules and Grafana with its dashboard: every mounted file exists', () => {
    const mounts = [...(prometheus.volumes ?? []), ...(grafana.volumes ?? [])].filter((v) => v.startsWith('./'));
    for (const m of mounts) expect(existsSync(join('deployment', m.split(':')[0])), m).toBe(true);
    expect(mounts).toEqual(
      expect.arrayContaining([
        './prometheus/rapport-alerts.yml:/etc/prometheus/rapport-alerts.yml:ro',
        './grafana/rapport-dashboard.json:/var/lib/grafana/dashboards/rapport-dashboard.json:ro',
      ]),
    );
    // The rules file is found next to the scrape config, where compose mounts it.
    expect(readFileSync('deployment/prometheus/prometheus.yml', 'utf8')).toMatch(/rule_files:\s*\n\s*- rapport-alerts\.yml/);
    const provider = load(readFileSync('deployment/grafana/provisioning/dashboards/rapport.yaml', 'utf8')) as {
      providers: { options: { path: string } }[];
    };
    expect(provider.providers[0].options.path).toBe('/var/lib/grafana/dashboards');
    const datasource = load(readFileSync('deployment/grafana/provisioning/datasources/prometheus.yaml', 'utf8')) as {
      datasources: { type: string; url: string }[];
    };
    expect(datasource.datasources[0]).toMatchObject({ type: 'prometheus', url: 'http://127.0.0.1:9090' });
  });
});

/** Dockerfile instructions with continuation lines joined (no Dockerfile linter ships as a Debian or installed npm package). */
function dockerInstructions(text: string): { keyword: string; args: string }[] {
  const joined = text.replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [keyword, ...rest] = l.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

const DOCKER_KEYWORDS = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);

describe('Dockerfile (headless host)', () => {
  const text = readFileSync('Dockerfile', 'utf8');
  const all = dockerInstructions(text);

  it('is well formed: known instructions, ARG before the first FROM, JSON exec form for the entry point', () => {
    for (const i of all) expect(DOCKER_KEYWORDS.has(i.keyword), `unknown instruction ${i.keyword}`).toBe(true);
    const firstFrom = all.findIndex((i) => i.keyword === 'FROM');
    expect(all.slice(0, firstFrom).every((i) => i.keyword === 'ARG')).toBe(true);
    for (const i of all.filter((x) => ['CMD', 'ENTRYPOINT', 'VOLUME'].includes(x.keyword))) {
      expect(() => JSON.parse(i.args), `${i.keyword} ${i.args}`).not.toThrow();
    }
    const stages = all.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(/\s+AS\s+/i)[1]).filter(Boolean);
    for (const copy of all.filter((i) => i.keyword === 'COPY' && i.args.includes('--from='))) {
      expect(stages, copy.args).toContain(/--from=(\S+)/.exec(copy.args)![1]);
    }
  });

  it('builds on a pinned, multi-arch Node image and runs `rapport serve` as a non-root user with Chromium', () => {
    const froms = all.filter((i) => i.keyword === 'FROM').map((i) => i.args);
    for (const f of froms) expect(f).toMatch(/^node:\$\{NODE_VERSION\}-bookworm-slim/);
    expect(text).toMatch(/^ARG NODE_VERSION=\d+\.\d+\.\d+$/m);
    const final = all.slice(all.map((i) => i.keyword).lastIndexOf('FROM'));
    const users = final.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)$/);
    expect(final.some((i) => i.keyword === 'RUN' && /apt-get install .*\bchromium\b/.test(i.args))).toBe(true);
    expect(final.find((i) => i.keyword === 'ENTRYPOINT')?.args).toContain('bin/rapport.mjs');
    expect(existsSync('bin/rapport.mjs')).toBe(true);
    expect(JSON.parse(final.find((i) => i.keyword === 'CMD')!.args)).toEqual(['serve']);
    expect(final.some((i) => i.keyword === 'HEALTHCHECK' && i.args.includes('/health'))).toBe(true);
  });

  it('installs Debian packages without recommends and cleans the lists; keeps node_modules out of the context', () => {
    for (const r of all.filter((i) => i.keyword === 'RUN' && i.args.includes('apt-get install'))) {
      expect(r.args).toContain('--no-install-recommends');
      expect(r.args).toContain('rm -rf /var/lib/apt/lists/*');
    }
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'release', 'dist-electron']));
  });
});
