import type { Notification, NotificationTestResult } from '../../../src-shared/domain.js';
import type { NotificationsSettings } from '../../../src-shared/settings.js';

type Problem = NonNullable<NotificationTestResult['problem']>;

/** A failed delivery: a stable problem the panel words, and the exact detail with secrets removed. */
export class DeliveryError extends Error {
  constructor(
    readonly problem: Problem,
    message: string,
  ) {
    super(message);
  }
}

/** Network waits are bounded so a dead receiver costs the background worker seconds, never a run anything. */
const TIMEOUT_MS = 10_000;

export interface ChannelSecrets {
  emailPassword: string | null;
  webhookUrl: string | null;
}

/** Removes every secret from an error text before it is stored, logged or returned. */
export function scrub(text: string, secrets: ChannelSecrets): string {
  let out = text;
  for (const secret of [secrets.webhookUrl, secrets.emailPassword]) {
    if (secret) out = out.split(secret).join('[secret]');
  }
  if (secrets.webhookUrl) {
    try {
      const { origin, pathname, search } = new URL(secrets.webhookUrl);
      // The path and query of a webhook URL are its credential (Slack, ntfy topics): hide them wherever they show up.
      for (const part of [pathname + search, pathname, search]) {
        if (part.length > 1) out = out.split(part).join('[secret]');
      }
      out = out.split(origin + '[secret]').join('[webhook URL]');
    } catch {
      /* the URL was validated when stored */
    }
  }
  return out;
}

function errorCode(e: unknown): string {
  const err = e as { code?: string; cause?: { code?: string } };
  return err.cause?.code ?? err.code ?? '';
}

function networkProblem(code: string): Problem | null {
  if (code === 'ECONNREFUSED') return 'connection_refused';
  if (['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'TimeoutError', 'ABORT_ERR', 'ECONNRESET'].includes(code)) return 'timeout';
  if (['ENOTFOUND', 'EAI_AGAIN', 'EDNS'].includes(code)) return 'dns';
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code === 'ETLS') return 'tls';
  return null;
}

export async function sendEmail(config: NotificationsSettings['email'], password: string | null, n: Notification): Promise<void> {
  if (!config.host || !config.from || config.to.length === 0) {
    throw new DeliveryError('not_configured', 'The SMTP host, the sender and at least one recipient are needed.');
  }
  // Loaded when the first e-mail goes out: most users never configure one, and it is the largest module we have.
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.tls === 'tls',
    requireTLS: config.tls === 'starttls',
    ignoreTLS: config.tls === 'none',
    auth: config.user ? { user: config.user, pass: password ?? '' } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    await transport.sendMail({
      from: config.from,
      to: config.to,
      subject: n.title,
      text: `${n.text}\n\n${n.link}\n`,
      headers: { 'X-Rapport-Event': n.event, 'X-Rapport-Severity': n.severity },
    });
  } catch (e) {
    const code = errorCode(e);
    const message = (e as Error).message;
    // nodemailer wraps socket errors (ESOCKET/ECONNECTION); the system code is in the message or errno.
    const systemCode = /\b(E[A-Z_]{3,})\b/.exec(`${(e as { errno?: string }).errno ?? ''} ${message}`)?.[1] ?? '';
    const problem: Problem =
      code === 'EAUTH'
        ? 'auth_failed'
        : code === 'EENVELOPE' || code === 'EMESSAGE'
          ? 'rejected'
          : (networkProblem(code) ?? networkProblem(systemCode) ?? (code === 'ETLS' ? 'tls' : 'other'));
    throw new DeliveryError(problem, `${code ? `${code}: ` : ''}${message}`);
  } finally {
    transport.close();
  }
}

const NTFY_PRIORITY = { info: 3, warning: 4, error: 4, critical: 5 } as const;

/** The documented generic body (README, "Notifications"). */
export function genericBody(n: Notification) {
  return { event: n.event, severity: n.severity, title: n.title, text: n.text, runId: n.runId, link: n.link, time: n.time, lang: n.lang };
}

/** URL and body for each webhook format. ntfy is published as JSON to the server root with the topic inside. */
export function webhookRequest(format: NotificationsSettings['webhook']['format'], url: string, n: Notification): { url: string; body: unknown } {
  switch (format) {
    case 'ntfy': {
      const parsed = new URL(url);
      const parts = parsed.pathname.split('/').filter(Boolean);
      const topic = parts.pop() ?? '';
      parsed.pathname = `/${parts.join('/')}`;
      return {
        url: parsed.toString(),
        body: {
          topic,
          title: n.title,
          message: n.text,
          priority: NTFY_PRIORITY[n.severity],
          tags: [n.severity === 'info' ? 'white_check_mark' : 'warning'],
          click: n.link,
        },
      };
    }
    case 'slack':
      return { url, body: { text: `*${n.title}*\n${n.text}\n<${n.link}|Rapport>` } };
    default:
      return { url, body: genericBody(n) };
  }
}

export async function sendWebhook(
  format: NotificationsSettings['webhook']['format'],
  url: string | null,
  n: Notification,
  /** Aborted when the app stops, so shutting down never waits on a silent receiver. */
  signal?: AbortSignal,
): Promise<void> {
  if (!url) throw new DeliveryError('not_configured', 'No webhook URL is set.');
  const request = webhookRequest(format, url, n);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Rapport' },
      body: JSON.stringify(request.body),
      redirect: 'error',
      signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]) : AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    const code = errorCode(e) || (e as Error).name;
    const cause = (e as { cause?: Error }).cause?.message;
    throw new DeliveryError(networkProblem(code) ?? 'other', `${code ? `${code}: ` : ''}${cause ?? (e as Error).message}`);
  }
  if (!response.ok) {
    const body = (await response.text().catch(() => '')).slice(0, 200);
    throw new DeliveryError('http_status', `HTTP ${response.status} ${response.statusText}${body ? `: ${body}` : ''}`);
  }
  await response.body?.cancel().catch(() => undefined);
}
