/** Profile URLs are stored in one canonical form so the same person is one contact whatever link led to them. */
export const CANONICAL_ORIGIN = 'https://www.linkedin.com';

const PUBLIC_ID = /^[\p{L}\p{N}_%-]{2,100}$/u;

/** Extracts the public id from `/in/<id>/...` in an absolute or relative URL; null when there is none. */
export function publicIdFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url, CANONICAL_ORIGIN).pathname;
  } catch {
    return null;
  }
  const match = /^\/in\/([^/?#]+)\/?/.exec(path);
  if (!match) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  id = id.trim().toLowerCase();
  return PUBLIC_ID.test(id) ? id : null;
}

export function canonicalProfileUrl(publicId: string): string {
  return `${CANONICAL_ORIGIN}/in/${encodeURIComponent(publicId.toLowerCase())}/`;
}

/** Canonical URL for any profile link (query strings and fragments dropped), or null when it is not a profile. */
export function normaliseProfileUrl(url: string): string | null {
  const id = publicIdFromUrl(url);
  return id ? canonicalProfileUrl(id) : null;
}
