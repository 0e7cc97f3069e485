import { useEffect, useState } from 'react';
import type { ApiClient } from '../api';
import { offerTabConfig, type TeamsHost } from '../teams';
import { Choice } from './Choice';
import { Loading, Problem } from './Problem';
import { useLoad } from './useLoad';

/**
 * The configurable tab's settings page (channel, group chat, meeting): pick the plan, then Teams'
 * Save stores `/tab?plan=<id>` as the tab's address.
 */
export function ConfigPage(props: { client: ApiClient; inTeams: boolean; host: Promise<TeamsHost> }) {
  const me = useLoad('me', () => props.client.me());
  const [chosen, setChosen] = useState('');
  const plans = me.state === 'done' ? me.value.plans : [];
  const plan = plans.find((p) => p.id === chosen) ?? null;

  useEffect(() => {
    if (me.state !== 'done') return;
    if (!chosen && plans.length === 1 && plans[0]) setChosen(plans[0].id);
  }, [me.state, chosen, plans]);

  useEffect(() => {
    void props.host.then((host) => {
      if (host.inTeams) return offerTabConfig(plan ? { id: plan.id, title: plan.title } : null);
    });
  }, [props.host, plan]);

  if (me.state === 'loading') return <Loading what="your plans" />;
  if (me.state === 'failed') return <Problem error={me.error} />;
  return (
    <main>
      <h1>Choose the plan for this tab</h1>
      {plans.length === 0 ? (
        <p>There are no plans you can read yet, so there is nothing to show here.</p>
      ) : (
        <Choice
          label="Plan"
          hint="Everyone here sees only what their own role in the plan lets them read."
          none="Choose a plan…"
          value={chosen}
          options={plans.map((p) => ({ value: p.id, label: p.title }))}
          onPick={setChosen}
        />
      )}
      {plan && <p>Choose Save to add “{plan.title}” as a tab.</p>}
      {!props.inTeams && <p className="muted">This page is used when the tab is added in Teams.</p>}
    </main>
  );
}
