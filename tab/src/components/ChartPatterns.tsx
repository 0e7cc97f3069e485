import type { Rag } from '../api-types';
import { STACK_ORDER } from '../view/rag-chart';

/** The id of a RAG series' fill, for `fill="url(#…)"` in the chart and its legend. */
export const patternId = (rag: Rag) => `rag-fill-${rag}`;

const TILE = 8;

/**
 * Marks drawn over each series' colour, in an 8 × 8 tile. In Teams' high-contrast theme every RAG colour is the
 * same (Windows high contrast lets colour carry no meaning), and some people cannot tell red from green: the
 * marks tell the series apart without colour. Complete is left plain, the calm colour at the base.
 */
const MARKS: Record<Rag, string | null> = {
  complete: null,
  green: 'M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6',
  amber: 'M2,2 h1.5 v1.5 h-1.5 Z M6,6 h1.5 v1.5 h-1.5 Z',
  red: 'M0,0 L8,8 M8,0 L0,8',
  cancelled: 'M0,4 H8',
};

/** The fills, defined once; the chart's bars and the legend's swatches both point at them. */
export function ChartPatterns() {
  return (
    <defs>
      {STACK_ORDER.map((rag) => (
        <pattern
          key={rag}
          id={patternId(rag)}
          className={`rag-${rag}`}
          data-rag={rag}
          patternUnits="userSpaceOnUse"
          width={TILE}
          height={TILE}
        >
          <rect width={TILE} height={TILE} fill="var(--rag)" />
          {MARKS[rag] && (
            <path
              d={MARKS[rag]}
              fill="var(--colorNeutralBackground1)"
              stroke="var(--colorNeutralBackground1)"
              strokeWidth={1.25}
            />
          )}
        </pattern>
      ))}
    </defs>
  );
}

/** A legend swatch in the series' fill. */
export function Swatch({ rag }: { rag: Rag }) {
  return (
    <svg width={14} height={14} viewBox="0 0 14 14" className="chart-swatch" aria-hidden="true">
      <rect
        x={0.5}
        y={0.5}
        width={13}
        height={13}
        fill={`url(#${patternId(rag)})`}
        stroke="var(--colorNeutralForeground1)"
      />
    </svg>
  );
}
