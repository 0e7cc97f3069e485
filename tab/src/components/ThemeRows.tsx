import { memo } from 'react';
import type { ActionTile } from '../api-types';
import { dueLine, formatDate } from '../view/dates';
import type { ThemeRow } from '../view/filters';
import { overdueWords, plural, RAG_WORDS } from '../view/words';

/**
 * One tile: RAG as colour and as a word, the ref, title, owner, current due date beside any original, and a new date
 * asked for (the due date stands until it is decided, so the room should see both).
 */
const Tile = memo(function Tile({
  tile,
  onOpen,
}: {
  tile: ActionTile;
  onOpen: (ref: string, from: HTMLElement) => void;
}) {
  const flags = [
    tile.status,
    tile.overdue ? overdueWords(tile.daysOverdue) : null,
    tile.awaitingSignOff ? 'awaiting sign-off' : null,
    tile.requestedDueDate ? `new date ${formatDate(tile.requestedDueDate)} asked for` : null,
  ].filter(Boolean);
  return (
    <button
      type="button"
      className={`tile rag-${tile.rag}`}
      data-ref={tile.ref}
      aria-haspopup="dialog"
      onClick={(e) => onOpen(tile.ref, e.currentTarget)}
    >
      <span className="tile-top">
        <span className="tile-ref">{tile.ref}</span>
        <span className="rag-word">{RAG_WORDS[tile.rag]}</span>
      </span>
      <span className="tile-title">{tile.title}</span>
      <span className="tile-meta">
        {tile.owner?.displayName ?? 'No owner'}
        {tile.agency ? ` · ${tile.agency}` : ''}
      </span>
      <span className="tile-due">{dueLine(tile)}</span>
      <span className={tile.overdue || tile.awaitingSignOff || tile.requestedDueDate ? 'tile-flag' : 'tile-meta'}>
        {flags.join(' · ')}
      </span>
    </button>
  );
});

/** Themes as rows, in plan order; each theme's actions in ref order. */
export function ThemeRows({
  themes,
  onOpen,
}: {
  themes: ThemeRow[];
  onOpen: (ref: string, from: HTMLElement) => void;
}) {
  return (
    <>
      {themes.map((theme, i) => (
        <section key={theme.name} className="theme-row" aria-labelledby={`theme-${i}`}>
          <h3 id={`theme-${i}`}>
            {theme.name} <span className="muted">({plural(theme.actions.length, 'action')})</span>
          </h3>
          <ul className="tiles tile-row-lazy">
            {theme.actions.map((tile) => (
              <li key={tile.ref}>
                <Tile tile={tile} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
