import { Fragment } from 'react';
import { breakableRuns } from '../view/breaks';

/** Text whose emails and links break over lines only at sensible places (see view/breaks.ts), not mid-word. */
export function Breakable({ text }: { text: string }) {
  return (
    <>
      {breakableRuns(text).map((pieces, i) => (
        <Fragment key={i}>
          {pieces.map((piece, j) => (
            <Fragment key={j}>
              {j > 0 && <wbr />}
              {piece}
            </Fragment>
          ))}
        </Fragment>
      ))}
    </>
  );
}
