import { join, resolve } from 'node:path';
import type { Plugin, PluginOption } from 'vite';
import { type ManifestOptions, VitePWA } from 'vite-plugin-pwa';
import { KIOSK_MANIFEST } from '../offline-shared/index.ts';
import { writeFilmFiles } from './film-files.ts';

/**
 * The player's web app manifest: installed from a plain page (Quest Browser, Chrome, Edge), it opens
 * the player. `fullscreen` falls back to `standalone` where a browser does not offer it.
 */
const PLAYER_MANIFEST: Partial<ManifestOptions> = {
  name: 'Sightline',
  short_name: 'Sightline',
  description: 'Interactive branching films in XR',
  lang: 'en',
  start_url: './',
  scope: './',
  display: 'fullscreen',
  orientation: 'any',
  background_color: '#0d1118',
  theme_color: '#0d1118',
  categories: ['entertainment'],
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
    { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

/** The kiosk's: the same app, installed from a kiosk page, starting in kiosk mode (a separate app by its start URL). */
const KIOSK_MANIFEST_CONTENT = { ...PLAYER_MANIFEST, name: 'Sightline kiosk', short_name: 'Sightline kiosk', start_url: './?mode=kiosk' };

/**
 * What makes the kiosk work offline and the player installable:
 * - the service worker (src/sw/sw.ts), built by vite-plugin-pwa, with the app shell's precache list;
 * - the web app manifests (the player's, linked from index.html; the kiosk's, linked in kiosk mode);
 * - `scenes/<film>/files.json` for every bundled package, for the kiosk's film cache.
 *
 * The precache holds what a kiosk needs with no network, whichever film it is switched to: index.html,
 * every script and style chunk (Spark's 2.6 MB included: a film with splat worlds chosen from the
 * operator panel while offline must still play, and a kiosk downloads films of many megabytes
 * anyway), the decoders, the CJK font, the controller models and the icons. Left out: the films
 * (only the kiosk's own is cached, by the page), the kiosk files (kept by the page, network first),
 * and the copies of three's decoders the bundler emits under assets/, which the player never loads
 * because it points its loaders at decoders/.
 */
export function offlinePlugins(): PluginOption[] {
  return [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      // Registered by kiosk mode only (src/kiosk/offline/service-worker.ts), never for every viewer.
      injectRegister: false,
      manifest: PLAYER_MANIFEST,
      includeAssets: ['icons/icon.svg'],
      injectManifest: {
        globPatterns: ['index.html', 'assets/*.{js,css}', 'decoders/**/*.{js,wasm}', 'fonts/*.woff2', 'kiosk/*.ogg', 'xr-profiles/**/*.{json,glb}', KIOSK_MANIFEST],
        globIgnores: ['assets/basis_transcoder-*', 'assets/draco_decoder-*', 'assets/draco_wasm_wrapper-*'],
        // Spark's chunk is 2.6 MB; the largest controller model 1.4 MB.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
    kioskManifest(),
    filmFilesManifests(),
  ];
}

function kioskManifest(): Plugin {
  return {
    name: 'sightline-kiosk-manifest',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: KIOSK_MANIFEST, source: `${JSON.stringify(KIOSK_MANIFEST_CONTENT)}\n` });
    },
  };
}

/** files.json for each package the build copies into scenes/, from the same source folders. */
function filmFilesManifests(): Plugin {
  let root = process.cwd();
  return {
    name: 'sightline-film-files',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    writeBundle: {
      order: 'post',
      sequential: true,
      handler(options) {
        writeFilmFiles(resolve(root, 'scenes'), join(options.dir ?? resolve(root, 'dist'), 'scenes'));
      },
    },
  };
}
