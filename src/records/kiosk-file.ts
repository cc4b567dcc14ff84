import { z } from 'zod';

/**
 * Kiosk file format `sightline-kiosk/1` (`kiosk.json` beside the player's index.html): how one
 * festival station plays, resets and reports. Validated like a story package; the station reads the
 * same file for the kiosk's token.
 */
export const KIOSK_FORMAT = 'sightline-kiosk/1';

const storyId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'an id of lowercase letters, digits and "-" (like "glass-sky")' });
const languageTag = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'a language tag like "en" or "zh-CN"' });
const seconds = (min: number, max: number, fallback: number, description: string) => z.number().min(min).max(max).default(fallback).meta({ description: `${description} @default ${fallback}` });

export const kioskFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(KIOSK_FORMAT),
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { error: 'a kiosk id of letters, digits, ".", "_" and "-" (like "foyer-1")' })
      .meta({ description: 'This station, as its viewing records and the operator panel name it.' }),
    film: storyId.meta({ description: 'The package under scenes/ to play.' }),
    edition: storyId.nullable().default(null).meta({ description: "The cut to play; null for the film's default. @default null" }),
    languages: z
      .array(languageTag)
      .min(1)
      .max(6)
      .meta({ description: 'Languages offered to visitors, in the order their buttons and prompts appear; each must be one of the film\'s.' }),
    idle: z
      .strictObject({
        seconds: seconds(10, 3600, 45, 'A viewing with no head motion and no input this long counts as left.'),
        motionDegrees: seconds(0.5, 30, 3, 'Head turns smaller than this (degrees) are not motion (a headset on a table drifts).'),
      })
      .default({ seconds: 45, motionDegrees: 3 }),
    countdownSeconds: seconds(3, 60, 10, 'The visible and spoken countdown before a reset; any motion or input cancels it.'),
    afterCreditsSeconds: seconds(3, 600, 20, 'How long the credits stay before the kiosk returns to its attract loop.'),
    attract: z
      .strictObject({
        secondsPerScene: seconds(3, 120, 8, "How long the attract loop lingers on each of the film's scenes."),
        sound: z.enum(['off', 'ambience']).default('off').meta({ description: 'Silent, or the scenes\' ambient beds, quietly. @default "off"' }),
      })
      .default({ secondsPerScene: 8, sound: 'off' }),
    operator: z.strictObject({
      pin: z
        .string()
        .regex(/^[0-9]{4,8}$/, { error: 'a PIN of 4 to 8 digits' })
        .meta({ description: 'Opens the operator panel (key chord Ctrl+Alt+O, or a 3-second press in the top-left corner).' }),
    }),
    station: z
      .strictObject({
        url: z.url({ protocol: /^https?$/, error: 'an http:// or https:// address of a Sightline station' }),
        token: z.string().min(16).max(200).regex(/^[\x21-\x7e]+$/, { error: 'printable characters without spaces' }).meta({ description: "This kiosk's secret for the station (at least 16 characters)." }),
      })
      .nullable()
      .default(null)
      .meta({ description: 'Where finished viewing records are also sent; null keeps them on the device only. @default null' }),
    watchdogSeconds: seconds(5, 600, 20, 'When no frame has been drawn this long while the page is visible, the page reloads into the attract loop.'),
  })
  .meta({ id: 'KioskFile', title: 'Sightline kiosk' });

export type KioskFile = z.output<typeof kioskFileSchema>;

/** The published JSON Schema of the kiosk file. */
export function kioskJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(kioskFileSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
