import { ASSET_ROLES, type Provenance, type ProvenanceRecord, type StoryPackage, localize } from '../story';
import type { UiText } from './ui-text';

export interface GeneratedAssetsProps {
  readonly story: StoryPackage;
  readonly provenance: Provenance | null;
  readonly language: string;
  readonly text: UiText;
}

type Role = (typeof ASSET_ROLES)[number];

/**
 * The credits' list of what made each scene's assets, from the package's provenance: per scene (in
 * story order), each kind of asset with its tool, model, seed and style references. Files that
 * share all of these (a panorama's encodings, a line's two languages) are one entry.
 */
export function GeneratedAssets({ story, provenance, language, text }: GeneratedAssetsProps) {
  if (!provenance) return null;
  const t = (value: Parameters<typeof localize>[0]) => localize(value, language, story.languages);
  const scenes = Object.keys(story.scenes)
    .map((id) => ({ id, entries: entriesOf(Object.entries(provenance.assets).filter(([, r]) => r.scene === id).map(([, r]) => r)) }))
    .filter((s) => s.entries.length > 0);
  if (scenes.length === 0) return null;
  const roleName = (role: Role) => text[`role_${role}` as keyof UiText];
  return (
    <section className="generated-assets" aria-labelledby="generated-assets-title">
      <h2 id="generated-assets-title">{text.generatedAssets}</h2>
      {scenes.map(({ id, entries }) => (
        <section key={id} className="scene-assets" data-scene-assets={id}>
          <h3>{t(story.scenes[id]!.title)}</h3>
          <ul>
            {entries.map((e) => (
              <li key={e.key} data-role={e.role}>
                <span className="role">{roleName(e.role)}</span>
                <span className="made-by">
                  {text.tool}
                  {text.labelSeparator}
                  {e.tool} {e.version}
                  {e.origin === 'imported' ? ` (${text.imported})` : ''} · {text.model}
                  {text.labelSeparator}
                  {e.model}
                  {e.seed !== null && (
                    <>
                      {' '}· {text.seed}
                      {text.labelSeparator}
                      {e.seed}
                    </>
                  )}
                  {e.styleReferences.length > 0 && (
                    <>
                      {' '}· {text.styleReferences}
                      {text.labelSeparator}
                      {e.styleReferences.join('; ')}
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

interface Entry extends Pick<ProvenanceRecord, 'role' | 'tool' | 'version' | 'model' | 'seed' | 'styleReferences' | 'origin'> {
  readonly key: string;
}

function entriesOf(records: readonly ProvenanceRecord[]): Entry[] {
  const byKey = new Map<string, Entry>();
  for (const r of records) {
    const key = JSON.stringify([r.role, r.tool, r.version, r.model, r.seed, r.styleReferences, r.origin]);
    if (!byKey.has(key)) byKey.set(key, { key, role: r.role, tool: r.tool, version: r.version, model: r.model, seed: r.seed, styleReferences: r.styleReferences, origin: r.origin });
  }
  return [...byKey.values()].sort((a, b) => ASSET_ROLES.indexOf(a.role) - ASSET_ROLES.indexOf(b.role));
}
