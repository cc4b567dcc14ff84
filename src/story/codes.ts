/**
 * Every diagnostic code there is, with its severity, who finds it and what it means in one line.
 * Emitters are typed against this list (a code missing here does not compile), the corpus test
 * checks each code is really emitted, and the README's table of codes is written from it
 * (`npm run readme`; `sightline codes` prints it).
 */

export type Severity = 'error' | 'warning';

/**
 * Who finds it: `story` when story.json is read (by the player and by `sightline validate`), `files`
 * when `sightline validate` checks the package's files on disk, `player` only the player, on its
 * error screen (loading a film, the page's address), `records` where viewing records and kiosk files
 * are read (a kiosk, the station, the studio).
 */
export type FoundBy = 'story' | 'files' | 'player' | 'records';

export interface CodeInfo {
  readonly severity: Severity;
  readonly by: FoundBy;
  /** What it means, in one line. */
  readonly meaning: string;
}

const error = (by: FoundBy, meaning: string) => ({ severity: 'error', by, meaning }) as const;
const warning = (by: FoundBy, meaning: string) => ({ severity: 'warning', by, meaning }) as const;

export const DIAGNOSTIC_CODES = {
  'json.syntax': error('story', 'story.json is not valid JSON; the message gives the line and column'),
  'record.too-large': error('records', 'a viewing record longer than any Sightline writes (over 1 MB of JSON)'),
  'kiosk.bad-name': error('records', 'the page asks for a kiosk file by a name that is not lowercase letters, digits and "-"'),
  'kiosk.not-found': error('records', 'the kiosk file is not beside the player (kiosk.json, or kiosk-<name>.json)'),
  'kiosk.unreachable': error('records', 'the kiosk file could not be fetched and no copy was cached'),
  'kiosk.language': error('records', 'the kiosk offers a language its film does not have'),
  'kiosk.station-origin': error('records', "the kiosk's station is on another address than the player, whose security policy forbids sending there"),
  'kiosk.unexpected': error('records', 'the kiosk stopped on an error of its own; the message says which'),
  'kiosk.token-shared': error('records', 'two kiosk files give the same station token, so one kiosk could send as the other'),
  'schema.missing': error('story', 'a required field is missing'),
  'schema.invalid-type': error('story', 'a value has the wrong type (a string where a number belongs, a fraction where a whole number does)'),
  'schema.invalid-value': error('story', 'a value the format does not allow here: another format version, an unknown media type, a malformed colour, a shape that matches none'),
  'schema.invalid-key': error('story', 'a map key is not an id (lowercase letters, digits and "-") or is reserved'),
  'schema.unknown-field': error('story', 'a field the format does not have, usually a misspelling'),
  'schema.out-of-range': error('story', 'a number or a list outside its allowed range (pitch beyond ±90, no languages)'),
  'schema.too-deep': error('story', 'conditions nested deeper than the format allows'),
  'schema.custom': error('story', 'a rule of one field the others do not cover (a comparison needs exactly one operator)'),
  'asset.path': error('story', 'an asset path leaves the package, or would in the browser: "..", absolute, a URL, a backslash, a query, an empty segment, "%" or a control character'),
  'asset.type': error('story', 'a file of the wrong kind for its field, by extension (a video where an image belongs)'),
  'hotspot.place': error('story', 'a hotspot gives both yaw/pitch and a position, or only one of yaw and pitch'),
  'script.element-place': error('story', 'a script element is placed neither at a hotspot nor at a yaw and pitch'),
  'film.id-mismatch': error('story', 'the film id is not the name of its folder'),
  'language.duplicate': error('story', 'a language is listed twice'),
  'scene.unknown': error('story', 'a scene is named (start, a choice, a route, a condition, an edition) that does not exist'),
  'hotspot.unknown': error('story', 'a hotspot is named (an offer, "end", "mostWatched", a condition) that does not exist'),
  'hotspot.other-scene': error('story', "a scene names another scene's hotspot where its own is needed"),
  'hotspot.duplicate': error('story', 'two hotspots share an id (unique within the package)'),
  'choice.duplicate': error('story', 'two choices of one scene share an id'),
  'choice.unknown': error('story', "an offer's default is not a choice of its scene"),
  'edition.unknown': error('story', 'an edition is named that the film does not declare'),
  'alternate.unknown': error('story', 'an edition plays an alternate the scene does not have'),
  'clue.never-granted': error('story', 'a condition asks for a clue no hotspot grants'),
  'variable.unknown': error('story', 'a condition or effect names an undeclared variable'),
  'variable.type': error('story', 'a variable is compared with or set to a value of another type'),
  'condition.never-holds': error('story', 'a comparison no effect can ever make true'),
  'route.no-fallback': error('story', 'a scene with only routes has no route without "when", so it can get stuck'),
  'offer.default-conditional': error('story', 'the default choice has a condition, so nothing may be taken when time runs out'),
  'offer.default-removed': error('story', 'the default choice is not offered in an edition that plays the scene'),
  'edition.no-bypass': error('story', 'an edition skips a scene that others lead to, and it has no route to go on by'),
  'ending.pending-outside-insert': error('story', '"@ending" used in a scene no edition inserts before the endings'),
  'ending.unreachable': error('story', 'no path reaches an ending, or no ending can be reached at all'),
  'scene.dead-end': error('story', 'a scene that is not an ending has no way out'),
  'loop.no-exit': error('story', 'from a scene no ending can be reached: the viewer loops forever'),
  'scene.unreachable': warning('story', 'no choice or route leads to a scene'),
  'scene.ending-with-choices': warning('story', 'an ending offers choices, which are never shown'),
  'scene.media-never-ends': warning('story', 'a scene ends "withMedia" but its media is a still, a colour or a looping video'),
  'offer.timeout-without-default': warning('story', 'choices time out but there is no default to take'),
  'text.missing-language': warning('story', "a text lacks one of the film's languages; the first language is shown instead"),
  'asset.missing': error('files', 'an asset file the story names is not in the package'),
  'asset.signature': error('files', 'an asset file is not what its name says: empty, another format, or a header that does not parse'),
  'asset.too-large': error('files', 'a picture, video, splat world or model larger than any device takes (8192 pixels, 3,000,000 splats, 1 GiB)'),
  'asset.large': warning('files', 'a picture, video, splat world or model over what headsets and phones take: they get an alternate, a level of detail or a placeholder'),
  'asset.external': error('files', 'a glTF model names a file outside its package (a URL or a path that climbs out)'),
  'subtitles.invalid': error('files', 'a subtitle file is not valid WebVTT'),
  'provenance.missing': error('files', 'the provenance file story.json names is not in the package'),
  'provenance.invalid': error('files', 'the provenance file is not JSON or not the sightline-provenance/1 format'),
  'provenance.film-mismatch': error('files', 'the provenance file is for another film'),
  'provenance.scene-unknown': error('files', 'a provenance record names a scene the package does not have'),
  'provenance.missing-file': error('files', 'a provenance record names a file that is not in the package'),
  'provenance.hash-mismatch': error('files', "a file's sha256 differs from its provenance record: it changed after it was made"),
  'provenance.unrecorded': warning('files', 'an asset the story uses has no provenance record, so the credits and the AI label miss it'),
  'film.bad-id': error('player', 'the page asks for a film (?film=) that is not an id'),
  'film.not-found': error('player', "the film's story.json could not be fetched (not in scenes/, or the server said no)"),
  'film.unreachable': error('player', "the film's server could not be reached"),
  'player.preview-parameter': error('player', 'an author preview parameter (?scene=, ?var.) names something the film does not have, or a value of the wrong type'),
  'player.unexpected': error('player', 'the player failed in a way no check foresaw; the message says how'),
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
type CodeOf<S extends Severity> = { [C in DiagnosticCode]: (typeof DIAGNOSTIC_CODES)[C]['severity'] extends S ? C : never }[DiagnosticCode];
/** Codes whose findings are errors: the package does not play. */
export type ErrorCode = CodeOf<'error'>;
/** Codes whose findings are warnings: the package plays; `sightline validate --strict` fails. */
export type WarningCode = CodeOf<'warning'>;

export const isDiagnosticCode = (code: string): code is DiagnosticCode => Object.hasOwn(DIAGNOSTIC_CODES, code);
