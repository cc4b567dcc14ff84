import { XRCaption } from './XRCaption';

export interface XRCreditsProps {
  /** One line each, the film's title first; a few lines only (the page has the whole list). */
  readonly lines: readonly string[];
}

/**
 * The credits in the headset, for a kiosk that keeps its session for the next visitor: the lines
 * stack in front of the viewer, following the head as captions do. (Elsewhere the credits are read
 * on the page, and the viewer is brought out of the headset for them.)
 */
export function XRCredits({ lines }: XRCreditsProps) {
  return (
    <>
      {lines.map((line, i) => (
        <XRCaption key={`${i}:${line}`} text={line} belowSightDeg={-12 + i * 7} scale={i === 0 ? 1.4 : 1} />
      ))}
    </>
  );
}
