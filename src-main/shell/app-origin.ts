/** The renderer is served from `app://rapport/` (a privileged standard scheme), never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'rapport';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True for URLs of the app's own pages (Node's URL reports "null" as the origin of custom schemes). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
