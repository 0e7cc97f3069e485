import {
  FluentProvider,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { apiClient } from '../api';
import { useSearch } from '../location';
import { asTheme, type TeamsHost, type TeamsTheme } from '../teams';
import { ConfigPage } from './ConfigPage';
import { PlanPicker } from './PlanPicker';
import { PlanView } from './PlanView';

const THEMES: Record<TeamsTheme, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/**
 * The tab: the configuration page (`?view=config`), one plan (`?plan=<id>`), or the picker of
 * every plan the person may read. `as=` is local mode: the API is asked as that demo person.
 */
export function App({ host }: { host: Promise<TeamsHost> }) {
  const [search, setSearch] = useSearch();
  const params = new URLSearchParams(search);
  const as = params.get('as');
  const planId = params.get('plan');
  const view = params.get('view');
  // Outside Teams, `theme=dark` or `theme=contrast` previews Teams' other themes; in Teams, Teams decides.
  const [theme, setTheme] = useState<TeamsTheme>(() => asTheme(params.get('theme')));
  const [inTeams, setInTeams] = useState(false);

  useEffect(() => {
    let live = true;
    void host.then((connected) => {
      if (!live) return;
      setInTeams(connected.inTeams);
      if (!connected.inTeams) return;
      setTheme(connected.theme);
      connected.onThemeChange((next) => live && setTheme(next));
    });
    return () => {
      live = false;
    };
  }, [host]);

  const client = useMemo(() => apiClient({ as, token: () => host.then((h) => h.token()) }), [as, host]);
  const openLink = useCallback((url: string) => host.then((h) => h.openLink(url)), [host]);

  return (
    // The class goes on a div inside: Fluent copies the provider's own classes to the panel's portal.
    <FluentProvider theme={THEMES[theme]}>
      <div className="app">
        {view === 'config' ? (
          <ConfigPage client={client} inTeams={inTeams} host={host} />
        ) : planId ? (
          <PlanView client={client} planId={planId} search={search} setSearch={setSearch} openLink={openLink} />
        ) : (
          <PlanPicker client={client} search={search} setSearch={setSearch} />
        )}
      </div>
    </FluentProvider>
  );
}
