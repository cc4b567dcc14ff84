import { z } from 'zod';
import { assetPathProblem } from '../../story';
import { FILM_FILES_FORMAT } from '../../offline-shared';

/**
 * `scenes/<film>/files.json` (format `sightline-files/1`): every file of a package folder with its
 * sha256 and size, written by the build (src/build/film-files.ts) after it copies the packages. The
 * kiosk's film cache compares the hashes with those of the files it holds, so a changed file
 * replaces only itself. A film dropped into a deployed player has none, and is cached from its story.
 */
export const filmFilesSchema = z.strictObject({
  format: z.literal(FILM_FILES_FORMAT),
  film: z.string(),
  files: z.array(
    z.strictObject({
      /** Relative to the package folder, like the story's asset paths. */
      path: z.string().superRefine((path, ctx) => {
        const problem = assetPathProblem(path);
        if (problem) ctx.addIssue({ code: 'custom', message: `path "${path}" ${problem}` });
      }),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: '64 lowercase hexadecimal digits' }),
      bytes: z.int().min(0),
    }),
  ),
});

export type FilmFiles = z.output<typeof filmFilesSchema>;
export type FilmFile = FilmFiles['files'][number];
