import { type Provenance, type StoryPackage, localize, uiText } from '../story';
import { AiLabel } from './AiLabel';
import { GeneratedAssets } from './GeneratedAssets';

export interface CreditsScreenProps {
  readonly story: StoryPackage;
  /** What made the film's assets, listed after the people; null when the package has none. */
  readonly provenance: Provenance | null;
  readonly language: string;
  readonly edition: string | null;
  readonly endingsSeen: readonly string[];
  readonly onRestart: (findAnother: boolean) => void;
}

/** After an ending has played out: the credits, the endings found so far, and ways to watch again. */
export function CreditsScreen({ story, provenance, language, edition, endingsSeen, onRestart }: CreditsScreenProps) {
  const text = uiText(language);
  const t = (value: Parameters<typeof localize>[0]) => localize(value, language, story.languages);
  const endings = Object.keys(story.scenes).filter((s) => story.scenes[s]!.ending);
  const found = endings.filter((e) => endingsSeen.includes(e));
  const editionTitle = edition !== null && story.editions[edition] ? t(story.editions[edition].title) : null;
  return (
    <main className="credits-screen" aria-labelledby="credits-title">
      <h1 id="credits-title">{t(story.title)}</h1>
      <AiLabel provenance={provenance} text={text} />
      {editionTitle && (
        <p className="edition">
          {text.editionWatched}: {editionTitle}
        </p>
      )}
      {story.credits.length > 0 && (
        <section aria-label={text.credits}>
          <dl className="credits">
            {story.credits.map((c, i) => (
              <div key={i}>
                <dt>{t(c.role)}</dt>
                <dd>{c.name}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <GeneratedAssets story={story} provenance={provenance} language={language} text={text} />
      <section className="endings" aria-label={text.endingsFound}>
        <p>
          {text.endingsFound}: {found.length} / {endings.length}
        </p>
        <ul>
          {found.map((e) => (
            <li key={e} data-ending={e}>
              {t(story.scenes[e]!.title)}
            </li>
          ))}
        </ul>
      </section>
      <div className="actions">
        <button type="button" className="play" onClick={() => onRestart(false)} autoFocus>
          {text.watchAgain}
        </button>
        {found.length < endings.length && (
          <button type="button" className="secondary" onClick={() => onRestart(true)}>
            {text.findAnother}
          </button>
        )}
      </div>
    </main>
  );
}
