import { ASSET_ROLES, type Provenance, type ProvenanceRecord, type StoryPackage, type UiText, localize } from '../story';

export interface GeneratedAssetsProps {
  readonly story: StoryPackage;
  readonly provenance: Provenance | null;
  readonly language: string;
  readonly text: UiText;
}

type Role = (typeof ASSET_ROLES)[number];

/**
 * The credits' list of what made each scene's assets, from the package's provenance: per scene (in
 * story order, then records of no scene), each kind of asset with its tool, model, seed and style
 * references. Files that share all of these (a panorama's encodings, a line's two languages) are
 * one entry; style references every entry of a scene shares are said once, under its title.
 */
export function GeneratedAssets({ story, provenance, language, text }: GeneratedAssetsProps) {
  if (!provenance) return null;
  const t = (value: Parameters<typeof localize>[0]) => localize(value, language, story.languages);
  const records = Object.values(provenance.assets);
  const groups: Array<{ id: string; title: string; records: ProvenanceRecord[] }> = Object.keys(story.scenes).map((id) => ({
    id,
    title: t(story.scenes[id]!.title),
    records: records.filter((r) => r.scene === id),
  }));
  groups.push({ id: '', title: text.filmWide, records: records.filter((r) => r.scene === undefined) });
  const scenes = groups
    .filter((g) => g.records.length > 0)
    .map((g) => {
      const entries = entriesOf(g.records);
      const style = JSON.stringify(entries[0]!.styleReferences);
      const shared = entries.length > 1 && entries.every((e) => JSON.stringify(e.styleReferences) === style) ? entries[0]!.styleReferences : [];
      return { ...g, entries, shared };
    });
  if (scenes.length === 0) return null;
  const roleName = (role: Role) => text[`role_${role}` as keyof UiText];
  return (
    <section className="generated-assets" aria-labelledby="generated-assets-title">
      <h2 id="generated-assets-title">{text.generatedAssets}</h2>
      {/* Long lists scroll here, inside the credits, so the buttons below stay on screen. */}
      <div className="scene-list" tabIndex={0} role="group" aria-labelledby="generated-assets-title">
        {scenes.map(({ id, title, entries, shared }) => (
          <section key={id} className="scene-assets" data-scene-assets={id || undefined} aria-labelledby={`assets-of-${id || 'film'}`}>
            <h3 id={`assets-of-${id || 'film'}`}>{title}</h3>
            {shared.length > 0 && (
              <dl className="made-by shared">
                <Field term={text.styleReferences} text={text}>{shared.join('; ')}</Field>
              </dl>
            )}
            <ul>
              {entries.map((e) => (
                <li key={e.key} data-role={e.role}>
                  <span className="role">
                    {roleName(e.role)}
                    {e.origin === 'imported' && <span className="origin"> ({text.imported})</span>}
                  </span>
                  <dl className="made-by">
                    <Field term={text.tool} text={text}>{`${e.tool} ${e.version}`}</Field>
                    <Field term={text.model} text={text}>{e.model}</Field>
                    {e.seed !== null && <Field term={text.seed} text={text}>{String(e.seed)}</Field>}
                    {e.styleReferences.length > 0 && shared.length === 0 && <Field term={text.styleReferences} text={text}>{e.styleReferences.join('; ')}</Field>}
                  </dl>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

/** One term of an asset's record; story data is rendered as text, never as markup. */
function Field({ term, text, children }: { readonly term: string; readonly text: UiText; readonly children: string }) {
  return (
    <div>
      <dt>
        {term}
        {text.labelSeparator}
      </dt>
      <dd>{children}</dd>
    </div>
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
