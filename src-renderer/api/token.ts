/** The HTTP panel's API token: taken once from `#token=…`, then kept for this tab only. */
const STORAGE_KEY = 'rapport.apiToken';

export interface TokenHost {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

function store(host: TokenHost, token: string): void {
  try {
    host.sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Storage disabled: the token still works for this page load.
  }
}

/**
 * Reads `#token=…` from the address (what `rapport serve` prints), saves it in sessionStorage and
 * strips it from the address bar so it does not linger in history or screenshots.
 */
export function takeToken(host: TokenHost): string | null {
  const fromHash = new URLSearchParams(host.location.hash.replace(/^#/, '')).get('token')?.trim();
  if (fromHash) {
    store(host, fromHash);
    host.history.replaceState(null, '', host.location.pathname + host.location.search);
    return fromHash;
  }
  try {
    return host.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function saveToken(host: TokenHost, token: string): void {
  store(host, token);
}

export function forgetToken(host: TokenHost): void {
  try {
    host.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
}
