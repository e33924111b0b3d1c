import { beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class FakeWebContents {
    readonly handlers = new Map<string, Handler>();
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    on(event: string, handler: Handler) {
      this.handlers.set(event, handler);
      return this;
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
  }
  class FakeBrowserWindow {
    static last: FakeBrowserWindow | null = null;
    readonly webContents = new FakeWebContents();
    readonly handlers = new Map<string, Handler>();
    readonly loaded: string[] = [];
    hidden = false;
    constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
      FakeBrowserWindow.last = this;
    }
    on(event: string, handler: Handler) {
      this.handlers.set(event, handler);
      return this;
    }
    once(event: string, handler: Handler) {
      return this.on(event, handler);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
    }
    show() {}
    hide() {
      this.hidden = true;
    }
  }
  return { FakeBrowserWindow, openExternal: vi.fn(async (_url: string) => undefined) };
});

vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow, shell: { openExternal: fake.openExternal } }));

const { closeToTray, createMainWindow, denyPermissions } = await import('../../../src-main/shell/window.js');
const { openExternal, isAllowedExternalUrl } = await import('../../../src-main/shell/external-links.js');

function preventable() {
  return { preventDefault: vi.fn() };
}

function openWindow() {
  const win = createMainWindow({ preload: '/app/dist-electron/preload.cjs', openExternal });
  const fakeWin = fake.FakeBrowserWindow.last;
  if (!fakeWin) throw new Error('no window was created');
  return { win, fakeWin };
}

beforeEach(() => fake.openExternal.mockClear());

describe('main window', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security, our preload only', () => {
    const { fakeWin } = openWindow();
    expect(fakeWin.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist-electron/preload.cjs',
    });
  });

  it('loads the UI from app://, not file://', () => {
    const { fakeWin } = openWindow();
    expect(fakeWin.loaded).toEqual(['app://rapport/index.html']);
  });

  it('never navigates away; a web link goes to the system browser instead', () => {
    const { fakeWin } = openWindow();
    const navigate = fakeWin.webContents.handlers.get('will-navigate');
    const web = preventable();
    navigate?.(web, 'https://www.linkedin.com/in/someone');
    expect(web.preventDefault).toHaveBeenCalled();
    expect(fake.openExternal).toHaveBeenCalledWith('https://www.linkedin.com/in/someone');

    const local = preventable();
    navigate?.(local, 'file:///etc/passwd');
    expect(local.preventDefault).toHaveBeenCalled();
    expect(fake.openExternal).toHaveBeenCalledTimes(1);

    const redirect = preventable();
    fakeWin.webContents.handlers.get('will-redirect')?.(redirect, 'https://evil.example/');
    expect(redirect.preventDefault).toHaveBeenCalled();

    const webview = preventable();
    fakeWin.webContents.handlers.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies every window.open, handing only http(s) links to the system browser', () => {
    const { fakeWin } = openWindow();
    const handler = fakeWin.webContents.windowOpenHandler;
    expect(handler?.({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fake.openExternal.mock.calls).toEqual([['https://example.com/help']]);
  });

  it('hides instead of closing until the user quits', () => {
    const { win, fakeWin } = openWindow();
    let quitting = false;
    closeToTray(win, () => quitting);
    const close = fakeWin.handlers.get('close');
    const first = preventable();
    close?.(first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(fakeWin.hidden).toBe(true);

    quitting = true;
    const second = preventable();
    close?.(second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('refuses every permission request and check', () => {
    let request: Handler | null = null;
    let check: Handler | null = null;
    const session = {
      setPermissionRequestHandler: (h: Handler) => (request = h),
      setPermissionCheckHandler: (h: Handler) => (check = h),
    };
    denyPermissions(session as unknown as Parameters<typeof denyPermissions>[0]);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      (request as Handler | null)?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect((check as Handler | null)?.({}, permission, 'app://rapport', {})).toBe(false);
    }
  });
});

describe('openExternal gateway', () => {
  it.each(['https://www.linkedin.com/in/x', 'http://127.0.0.1:9090/graph'])('opens %s', (url) => {
    expect(openExternal(url)).toBe(true);
    expect(fake.openExternal).toHaveBeenCalledWith(url);
  });

  it.each([
    'file:///etc/passwd',
    'smb://server/share',
    'javascript:alert(1)',
    'app://rapport/index.html',
    'ms-settings:privacy',
    'https://user:secret@example.com/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
    expect(openExternal(url)).toBe(false);
    expect(fake.openExternal).not.toHaveBeenCalled();
  });
});
