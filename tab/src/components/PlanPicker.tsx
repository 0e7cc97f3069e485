import { Button } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { ApiClient } from '../api';
import type { Me } from '../api-types';
import { withParam } from '../view/filters';
import { Loading, Problem } from './Problem';
import { useLoad } from './useLoad';

const ROLE_WORDS = { admin: 'administrator', chair: 'chair', executive: 'executive', owner: 'action owner' } as const;

export function rolesWords(roles: Me['plans'][number]['roles']): string {
  return roles.length ? `You are ${roles.map((r) => ROLE_WORDS[r]).join(' and ')}` : 'You can read this plan';
}

/**
 * The personal tab's first page: every plan the person may read, each a button that opens it. Someone
 * with one plan (most people) goes straight to it, replacing this page in the history so Back leaves the tab.
 */
export function PlanPicker(props: {
  client: ApiClient;
  search: string;
  setSearch: (s: string, mode?: 'push') => void;
}) {
  const me = useLoad('me', () => props.client.me());
  const onlyPlan = me.state === 'done' && me.value.plans.length === 1 ? me.value.plans[0].id : null;
  const { search, setSearch } = props;
  useEffect(() => {
    if (onlyPlan) setSearch(withParam(search, 'plan', onlyPlan));
  }, [onlyPlan, search, setSearch]);
  if (me.state === 'loading' || onlyPlan) return <Loading what="your plans" />;
  if (me.state === 'failed') return <Problem error={me.error} />;
  const { person, plans } = me.value;
  return (
    <main>
      <h1>Your plans</h1>
      <p className="muted">Signed in as {person.displayName}.</p>
      {plans.length === 0 ? (
        <p>
          There are no plans for you yet. An administrator gives people a role in a plan, or makes them an action owner.
        </p>
      ) : (
        <ul className="picker" aria-label="Plans you can read">
          {plans.map((plan) => (
            <li key={plan.id}>
              <Button
                appearance="secondary"
                style={{ width: '100%', justifyContent: 'flex-start', textAlign: 'left' }}
                onClick={() => props.setSearch(withParam(props.search, 'plan', plan.id), 'push')}
              >
                <span>
                  <strong>{plan.title}</strong>
                  <br />
                  <span className="muted">{rolesWords(plan.roles)}</span>
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
