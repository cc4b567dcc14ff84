import '@xyflow/react/dist/style.css';
import './studio.css';
import type { AudienceSummary } from '../records';
import { Studio } from './Studio';
import { usePackage } from './use-package';

/** Test hooks, set by browser tests before the page loads (never from the URL). */
interface StudioTestHooks {
  /** A synthetic audience summary to draw, until the audience layer is wired in. */
  readonly audience?: AudienceSummary;
}

/** The studio page: the package (from the dev server, or ?film= in a build) and the studio around it. */
export default function StudioPage() {
  const film = new URLSearchParams(window.location.search).get('film') || 'glass-sky';
  const pkg = usePackage(film);
  const hooks = (globalThis as { __SIGHTLINE_STUDIO_TEST__?: StudioTestHooks }).__SIGHTLINE_STUDIO_TEST__;
  return <Studio pkg={pkg} audience={hooks?.audience} />;
}
