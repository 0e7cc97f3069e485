import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, Link, OverlayDrawer } from '@fluentui/react-components';
import type { ApiClient } from '../api';
import type { ActionDetail } from '../api-types';
import { detailFacts } from '../view/detail-facts';
import { formatDate, formatInstant } from '../view/dates';
import { Breakable } from './Breakable';
import { MeasureCards } from './PerformanceBook';
import { Loading, Problem } from './Problem';
import { useLoad } from './useLoad';

const VIA_WORDS: Record<string, string> = {
  chat: 'in chat',
  card: 'on a card',
  import: 'by import',
  job: 'by a scheduled job',
  cli: 'from the command line',
};

function Detail({ action }: { action: ActionDetail }) {
  const rows = detailFacts(action);
  return (
    <dl className="details">
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt>{term}</dt>
          <dd>
            <Breakable text={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The board's checklist for sign-off: each required item, given or still missing (in words, not only a mark). */
function RequiredEvidence({ action }: { action: ActionDetail }) {
  if (action.evidenceRequired.length === 0) return null;
  return (
    <>
      <p>
        Needed for sign-off
        {action.evidenceDue ? `, to be presented by ${formatDate(action.evidenceDue)}` : ''}:
      </p>
      <ul>
        {action.evidenceRequired.map((r) => (
          <li key={r.item}>
            {r.given ? '✅ ' : '⬜ '}
            {r.item}: {r.given ? 'given' : 'missing'}
          </li>
        ))}
      </ul>
    </>
  );
}

function Evidence({ action }: { action: ActionDetail }) {
  if (action.evidence.length === 0)
    return (
      <>
        <RequiredEvidence action={action} />
        <p>No evidence yet. Sign-off needs at least one link or note.</p>
      </>
    );
  return (
    <>
      <RequiredEvidence action={action} />
      <ul>
        {action.evidence.map((item, i) => (
          <li key={i}>
            {/* The item, the words given with it, then the link once: the rule of src/domain/evidence-shown.ts. */}
            {[item.item, item.words].filter(Boolean).join(' — ')}
            {item.url && (item.item || item.words) ? ': ' : ''}
            {item.url && (
              <Link href={item.url} target="_blank" rel="noreferrer">
                <Breakable text={item.url} />
              </Link>
            )}
            <span className="muted">
              {' '}
              ({item.addedBy}, {formatInstant(item.addedAt)})
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function History({ action }: { action: ActionDetail }) {
  if (action.history.length === 0) return <p>No changes recorded yet.</p>;
  return (
    <ol className="history" aria-label="History, newest first">
      {action.history.map((entry, i) => (
        <li key={i}>
          <p className="muted">
            {[formatInstant(entry.at), entry.by, VIA_WORDS[entry.via] ?? entry.via].filter(Boolean).join(' · ')}
          </p>
          {entry.lines.map((line, j) => (
            <p key={j}>{line}</p>
          ))}
        </li>
      ))}
    </ol>
  );
}

function Body({ client, planId, actionRef }: { client: ApiClient; planId: string; actionRef: string }) {
  const detail = useLoad(`${planId}/${actionRef}`, () => client.action(planId, actionRef));
  if (detail.state === 'loading') return <Loading what={`action ${actionRef}`} />;
  if (detail.state === 'failed') return <Problem error={detail.error} />;
  const action = detail.value;
  return (
    <>
      <p style={{ marginTop: 0 }}>{action.title}</p>
      <Detail action={action} />
      <section className="panel-section" aria-labelledby="panel-evidence">
        <h3 id="panel-evidence">Evidence</h3>
        <Evidence action={action} />
      </section>
      {action.measures !== null && (
        <section className="panel-section" aria-labelledby="panel-measures">
          <h3 id="panel-measures">Measures</h3>
          {action.measures.length === 0 ? (
            <p>No measures set for this action.</p>
          ) : (
            // An action has a measure or two, in a panel at most half the window wide: cards, not a wide table.
            <MeasureCards measures={action.measures} caption={`Measures for ${action.ref}`} />
          )}
        </section>
      )}
      <section className="panel-section" aria-labelledby="panel-history">
        <h3 id="panel-history">History</h3>
        <History action={action} />
      </section>
    </>
  );
}

/** The panel a tile opens: detail, evidence, measures and history. Escape or Close shuts it. */
export function ActionPanel(props: {
  client: ApiClient;
  planId: string;
  actionRef: string | null;
  onClose: () => void;
}) {
  const { actionRef } = props;
  return (
    <OverlayDrawer
      open={actionRef !== null}
      onOpenChange={(_, data) => !data.open && props.onClose()}
      position="end"
      // The meeting side panel is about 320 px wide: there the panel takes the whole of it.
      size={window.innerWidth < 640 ? 'full' : 'medium'}
      // Fluent sizes the panel in vw, which counts the scroll bar; 100% of the window does not.
      style={{ maxWidth: '100%' }}
      aria-label={actionRef ? `Action ${actionRef}` : 'Action'}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" onClick={props.onClose}>
              Close
            </Button>
          }
        >
          Action {actionRef}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>{actionRef && <Body client={props.client} planId={props.planId} actionRef={actionRef} />}</DrawerBody>
    </OverlayDrawer>
  );
}
