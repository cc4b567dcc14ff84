import type { VariableValue } from '../story';

export interface PreviewOptions {
  readonly film: string;
  readonly scene: string | null;
  readonly edition: string | null;
  readonly language: string | null;
  /** Starting values that differ from the film's, as the player's `?var.<name>=` takes them. */
  readonly variables: Readonly<Record<string, VariableValue>>;
}

/**
 * The player's page for the preview pane: the selected scene (`?scene=`, which starts a fresh
 * viewing there), hotspots outlined, and the edition, language and starting values chosen. Relative
 * to the studio's page, which the build puts beside the player's index.html.
 */
export function previewUrl(options: PreviewOptions): string {
  const params = new URLSearchParams({ film: options.film });
  if (options.scene !== null) params.set('scene', options.scene);
  else params.set('autoplay', '1');
  params.set('hotspots', '1');
  if (options.edition !== null) params.set('edition', options.edition);
  if (options.language !== null) params.set('lang', options.language);
  for (const [name, value] of Object.entries(options.variables)) params.set(`var.${name}`, String(value));
  return `./index.html?${params}`;
}
