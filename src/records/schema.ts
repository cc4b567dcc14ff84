import { z } from 'zod';

/**
 * Viewing record format `sightline-viewing/1`: what one viewer did in one viewing. The one contract
 * between the kiosk (writes it), the station (validates and stores it) and the studio (reads it).
 * Nothing in it identifies a visitor: ids are random, times are the viewing's own, and the only
 * free text is an error message the player wrote.
 */
export const VIEWING_FORMAT = 'sightline-viewing/1';

/** Limits that keep one record small and bounded; the station rejects anything beyond them. */
export const RECORD_LIMITS = {
  /** Scene entries in one viewing (a very long loop of revisits is cut short). */
  pathEntries: 500,
  clues: 500,
  choices: 500,
  hotspots: 500,
  variables: 200,
  /** Gaze samples in one viewing: about 80 minutes at four a second. */
  gazeSamples: 20_000,
  /** Bytes of one record as JSON. */
  bytes: 1_000_000,
  /** Characters of an error message or a string variable. */
  text: 500,
} as const;

/** Gaze samples a second while the scene plays (a few, enough for heatmaps; the kiosk samples at this rate). */
export const GAZE_SAMPLES_PER_SECOND = 4;

const storyId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'a story id (lowercase letters, digits and "-")' });
/** Milliseconds since the viewing started (wall time, pauses included). */
const ms = z.number().int().min(0).max(7 * 24 * 3600 * 1000);

export const gazeSampleSchema = z
  .tuple([ms, z.number().min(-180).lt(180), z.number().min(-90).max(90)])
  .meta({ description: '[ms since the viewing started, yaw in degrees (-180 up to but not 180: 0 ahead, positive to the right, exactly behind is -180), pitch in degrees (-90..90, positive up)]' });

export const pathEntrySchema = z.strictObject({
  scene: storyId,
  enteredMs: ms,
  /** Null while the viewer is in it (or when the viewing stopped there). */
  leftMs: ms.nullable(),
  gaze: z.array(gazeSampleSchema).max(RECORD_LIMITS.gazeSamples).meta({ description: 'Where the viewer looked in this visit, a few times a second.' }),
});

export const outcomeSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('playing') }).meta({ description: 'Still being watched (or the kiosk stopped without closing it yet).' }),
    z.strictObject({ kind: z.literal('ending'), ending: storyId }),
    z.strictObject({ kind: z.literal('left') }).meta({ description: 'The viewer left mid-film (headset taken off, or idle), and the kiosk reset.' }),
    z.strictObject({ kind: z.literal('reset') }).meta({ description: 'An operator reset the kiosk.' }),
    z.strictObject({ kind: z.literal('interrupted') }).meta({ description: 'The page stopped (crash, reload, power cut); closed when the kiosk started again.' }),
    z.strictObject({ kind: z.literal('error'), message: z.string().max(RECORD_LIMITS.text) }),
  ])
  .meta({ id: 'ViewingOutcome' });

const variableName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

export const viewingRecordSchema = z
  .strictObject({
    $schema: z.string().max(200).optional(),
    format: z.literal(VIEWING_FORMAT),
    id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { error: 'a random id of 8 to 64 letters, digits and "-"' }),
    kiosk: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
      .nullable()
      .meta({ description: 'The kiosk that played it (its kiosk.json id), or null for a browser viewing.' }),
    film: storyId,
    revision: z.string().regex(/^[0-9a-f]{8,64}$/).nullable().meta({ description: 'Hash of the story.json played, so viewings of different versions of a film can be told apart.' }),
    edition: storyId.nullable(),
    language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
    startedAt: z.iso.datetime(),
    /** Null while the viewing goes on. */
    endedAt: z.iso.datetime().nullable(),
    outcome: outcomeSchema,
    path: z.array(pathEntrySchema).max(RECORD_LIMITS.pathEntries),
    clues: z.array(z.strictObject({ clue: storyId, scene: storyId, atMs: ms })).max(RECORD_LIMITS.clues),
    choices: z.array(z.strictObject({ scene: storyId, choice: storyId, atMs: ms, byDefault: z.boolean() })).max(RECORD_LIMITS.choices),
    variables: z
      .record(variableName, z.union([z.number(), z.boolean(), z.string().max(RECORD_LIMITS.text)]))
      .refine((v) => Object.keys(v).length <= RECORD_LIMITS.variables, { error: `at most ${RECORD_LIMITS.variables} variables` })
      .meta({ description: "The story's variables when the record was last written." }),
    attention: z
      .array(z.strictObject({ hotspot: storyId, ms }))
      .max(RECORD_LIMITS.hotspots)
      .meta({ description: 'Milliseconds each hotspot was looked at, over the whole viewing.' }),
  })
  .meta({ id: 'ViewingRecord', title: 'Sightline viewing record' });

export type ViewingRecord = z.output<typeof viewingRecordSchema>;
export type ViewingOutcome = z.output<typeof outcomeSchema>;
export type PathEntry = z.output<typeof pathEntrySchema>;
export type GazeSample = z.output<typeof gazeSampleSchema>;

/** Whether the viewing is over. (One that reached its ending may still be playing it out.) */
export const isFinished = (record: Pick<ViewingRecord, 'endedAt'>): boolean => record.endedAt !== null;

/** The published JSON Schema of a viewing record (one line of an NDJSON export). */
export function viewingJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(viewingRecordSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
