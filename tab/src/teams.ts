/**
 * Everything the tab asks of Teams, behind a small surface: whether it is in Teams,
 * the theme (and its changes), a single sign-on token, and saving a configurable tab.
 */
// teams-js is loaded only when the page may be in Teams: importing it fetches Teams' list of
// domains from its CDN at once, which a plain browser (local mode) neither needs nor can always reach.
type TeamsJs = typeof import('@microsoft/teams-js');
const loadTeamsJs = (): Promise<TeamsJs> => import('@microsoft/teams-js');

export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface TeamsHost {
  inTeams: boolean;
  theme: TeamsTheme;
  onThemeChange(handler: (theme: TeamsTheme) => void): void;
  /** A Teams SSO token for the tab's API; null outside Teams. */
  token(): Promise<string | null>;
  /** Opens an address outside the tab: in Teams, Teams opens it (in the browser); elsewhere a new window. */
  openLink(url: string): Promise<void>;
}

export function asTheme(theme: string | null | undefined): TeamsTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Teams hosts a tab in a frame (web and desktop) or a native web view (mobile); a top-level page is not in Teams. */
function mayBeHosted(): boolean {
  return window.parent !== window || 'nativeInterface' in window || window.opener !== null;
}

/** A new window, without a hold on this page; a blocked one is a failure the caller can tell the person about. */
function openWindow(url: string): Promise<void> {
  const opened = window.open(url, '_blank');
  if (!opened) return Promise.reject(new Error('the window was blocked'));
  opened.opener = null;
  return Promise.resolve();
}

const OUTSIDE: TeamsHost = {
  inTeams: false,
  theme: 'default',
  onThemeChange: () => undefined,
  token: () => Promise.resolve(null),
  openLink: openWindow,
};

/**
 * Starts teams-js. A frame that is not Teams never answers the handshake, so it gets five
 * seconds; after that the tab carries on without Teams (and the API says who may read what).
 */
export async function connectToTeams(): Promise<TeamsHost> {
  // A top-level page is never in Teams; asking would only fetch Teams' list of domains from its CDN for nothing.
  if (!mayBeHosted()) return OUTSIDE;
  let app: TeamsJs['app'];
  let authentication: TeamsJs['authentication'];
  try {
    ({ app, authentication } = await loadTeamsJs());
    await withTimeout(app.initialize(), 5000);
  } catch {
    return OUTSIDE;
  }
  let theme: TeamsTheme = 'default';
  try {
    theme = asTheme((await withTimeout(app.getContext(), 5000)).app.theme);
  } catch {
    // Without a context the default theme is still readable.
  }
  void app.notifySuccess();
  return {
    inTeams: true,
    theme,
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((next) => handler(asTheme(next))),
    token: async () => {
      try {
        return await withTimeout(authentication.getAuthToken(), 10_000);
      } catch {
        return null;
      }
    },
    // A frame's own download or new window is unreliable in Teams (the new client blocks blob downloads
    // after the first); Teams opens a link in the browser, and the signed link needs no sign-in there.
    openLink: (url) => app.openLink(url).catch(() => openWindow(url)),
  };
}

/**
 * The configurable tab's save: Teams stores the plan's page address (`/tab?plan=<id>`) and shows it
 * in the channel, group chat or meeting. `ready` tells Teams the Save button may be pressed.
 */
export async function offerTabConfig(plan: { id: string; title: string } | null): Promise<void> {
  const { pages } = await loadTeamsJs();
  pages.config.setValidityState(plan !== null);
  if (!plan) return;
  pages.config.registerOnSaveHandler((save) => {
    const contentUrl = `${window.location.origin}/tab?plan=${encodeURIComponent(plan.id)}`;
    pages.config
      .setConfig({ contentUrl, websiteUrl: contentUrl, entityId: `plan-${plan.id}`, suggestedDisplayName: plan.title })
      .then(
        () => save.notifySuccess(),
        (error: unknown) => save.notifyFailure(error instanceof Error ? error.message : 'The tab could not be saved.'),
      );
  });
}
