import type { Diagnostic } from '../story';

/** What the studio page is told about its package by the dev server: story.json's text and everything `sightline validate` says of it. */
export interface PackagePayload {
  readonly film: string;
  /** Changes with every save in the package folder (posters and the preview are fetched anew). */
  readonly revision: string;
  /** story.json as written, or null when it cannot be read. */
  readonly text: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** The page fetches its package here (dev server only), and hears of changes as this HMR event. */
export const PACKAGE_URL = '/@sightline-studio/package';
export const PACKAGE_EVENT = 'sightline:package';
