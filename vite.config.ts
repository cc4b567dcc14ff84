import { cpSync, createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { BOOT_SCRIPT } from './src/app/boot-script.ts';
import { contentSecurityPolicyHeader, contentSecurityPolicyMeta } from './src/app/content-security-policy.ts';
import { basisTranscoderWithoutEval } from './src/build/basis-transcoder.ts';
import { offlinePlugins } from './src/build/offline.ts';

const root = import.meta.dirname;
// Only under Vitest: builds and the studio's dev server read this file too.
const sequencer = process.env['VITEST'] ? (await import('./test/slowest-first.ts')).SlowestFirst : undefined;

/**
 * Input profiles whose controller and hand models the player serves itself (no CDN at run time):
 * Quest 3, Quest Pro and Quest 2 controllers, the generic hand, and the generic fallback.
 */
const XR_PROFILES = ['meta-quest-touch-plus', 'meta-quest-touch-pro', 'oculus-touch-v3', 'generic-hand', 'generic-trigger'];
const profilesDir = resolve(root, 'node_modules/@webxr-input-profiles/assets/dist/profiles');

/** profilesList.json reduced to the profiles we ship, so unknown controllers fall back to generic-trigger. */
function profilesList(): string {
  const all = JSON.parse(readFileSync(join(profilesDir, 'profilesList.json'), 'utf8')) as Record<string, { path: string }>;
  const kept = Object.fromEntries(Object.entries(all).filter(([, p]) => XR_PROFILES.includes(p.path.split('/')[0]!)));
  return JSON.stringify(kept);
}

const MIME: Record<string, string> = {
  '.json': 'application/json', '.webp': 'image/webp', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.avif': 'image/avif', '.ktx2': 'image/ktx2', '.glb': 'model/gltf-binary', '.gltf': 'model/gltf+json', '.mp4': 'video/mp4',
  '.webm': 'video/webm', '.vtt': 'text/vtt', '.ogg': 'audio/ogg', '.mp3': 'audio/mpeg', '.wav': 'audio/wav',
  '.js': 'text/javascript', '.wasm': 'application/wasm', '.woff2': 'font/woff2', '.spz': 'application/octet-stream',
};

/**
 * Decoders that three's loaders fetch at run time (KTX2's Basis transcoder, Draco's glTF decoder),
 * served by the player itself under /decoders/ instead of from a CDN.
 */
const basisDir = resolve(root, 'node_modules/three/examples/jsm/libs/basis');
const DECODERS: Array<[name: string, dir: string]> = [
  ['basis', basisDir],
  ['draco', resolve(root, 'node_modules/three/examples/jsm/libs/draco/gltf')],
];

/**
 * Served files made as they are served and built: the input profiles we ship, and the Basis
 * transcoder rewritten to run without eval (the Content-Security-Policy allows none).
 */
const MADE: Record<string, () => string> = {
  '/xr-profiles/profilesList.json': profilesList,
  '/decoders/basis/basis_transcoder.js': () => basisTranscoderWithoutEval(readFileSync(join(basisDir, 'basis_transcoder.js'), 'utf8')),
};

/**
 * Story packages (scenes/) and XR input-profile models are data served beside the app, not bundled:
 * the dev server serves them from their folders, the build copies them into its output, so a film
 * can be dropped into a deployed player without rebuilding.
 */
function servedFolders(): Plugin {
  const folders: Array<[url: string, dir: string]> = [
    ['/scenes/', resolve(root, 'scenes')],
    ['/xr-profiles/', profilesDir],
    ...DECODERS.map(([name, dir]): [string, string] => [`/decoders/${name}/`, dir]),
  ];
  return {
    name: 'sightline-served-folders',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0]!);
        const made = MADE[url];
        if (made) {
          res.setHeader('Content-Type', MIME[extname(url)]!);
          res.end(made());
          return;
        }
        for (const [prefix, dir] of folders) {
          if (!url.startsWith(prefix)) continue;
          const file = normalize(join(dir, url.slice(prefix.length)));
          if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) break;
          res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
          createReadStream(file).pipe(res);
          return;
        }
        next();
      });
    },
    writeBundle(options) {
      const out = options.dir ?? resolve(root, 'dist');
      cpSync(resolve(root, 'scenes'), join(out, 'scenes'), { recursive: true });
      mkdirSync(join(out, 'xr-profiles'), { recursive: true });
      for (const profile of XR_PROFILES) cpSync(join(profilesDir, profile), join(out, 'xr-profiles', profile), { recursive: true });
      for (const [name, dir] of DECODERS) cpSync(dir, join(out, 'decoders', name), { recursive: true, filter: (f) => !f.endsWith('.md') });
      for (const [url, make] of Object.entries(MADE)) writeFileSync(join(out, url), make());
    },
  };
}

/**
 * @react-three/xr lazily imports its emulator (IWER with its dev UI and 6 MB of synthetic rooms)
 * when `emulate` is on. The player never emulates (tests install IWER themselves), so the module is
 * replaced by one that says so, and none of it ships.
 */
function noXREmulator(): Plugin {
  const stubId = '\0sightline-no-xr-emulator';
  return {
    name: 'sightline-no-xr-emulator',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './emulate.js' && importer?.replaceAll('\\', '/').includes('/@pmndrs/xr/dist/')) return stubId;
      return null;
    },
    load(id) {
      if (id !== stubId) return null;
      return 'export function emulate() { throw new Error("xr: the emulator is not part of the Sightline build; install IWER in the page instead"); }';
    },
  };
}

/**
 * The player's Content-Security-Policy as a meta tag in the built index.html, first in its head so
 * it governs everything after it. Build only: the dev server's hot reload runs inline scripts and
 * a websocket the policy forbids.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'sightline-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicyMeta() }, injectTo: 'head-prepend' }],
  };
}

/**
 * The boot script, first in index.html's head after the policy, dev and build alike: it asks for
 * the film's story.json before the player's scripts have arrived (`src/app/boot-script.ts`).
 */
function bootScript(): Plugin {
  const charset = '<meta charset="UTF-8" />';
  return {
    name: 'sightline-boot-script',
    // After the charset (and the policy above it, which must govern it), before any stylesheet:
    // a script waits for the stylesheets above it.
    transformIndexHtml: (html) => {
      if (!html.includes(charset)) throw new Error(`index.html: the boot script goes after ${charset}, which is missing`);
      return html.replace(charset, `${charset}\n    <script>${BOOT_SCRIPT}</script>`);
    },
  };
}

/**
 * The player's code (`src/mount.tsx`, which the page's small entry imports once it has started the
 * film's requests) is preloaded from index.html, so it arrives and compiles beside the entry
 * instead of after it: a `modulepreload` for it and every chunk it imports, a `preload` for its
 * stylesheet (a stylesheet link would hold the entry back until it loaded).
 */
function preloadPlayer(): Plugin {
  return {
    name: 'sightline-preload-player',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle, chunk: entry }) => {
        const mount = entry?.dynamicImports.map((file) => bundle?.[file]).find((c) => c?.type === 'chunk' && /[\\/]src[\\/]mount\.tsx$/.test(c.facadeModuleId ?? ''));
        if (!bundle || !entry || mount?.type !== 'chunk') return;
        const scripts = new Set<string>();
        const css = new Set<string>();
        const visit = (file: string) => {
          const chunk = bundle[file];
          if (chunk?.type !== 'chunk' || scripts.has(file) || file === entry.fileName || entry.imports.includes(file)) return;
          scripts.add(file);
          for (const sheet of chunk.viteMetadata?.importedCss ?? []) css.add(sheet);
          chunk.imports.forEach(visit);
        };
        visit(mount.fileName);
        return [
          ...[...scripts].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
          ...[...css].map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

/** A chunk only the studio loads: its own code, React Flow, ELK. */
const isStudioChunk = (moduleIds: readonly string[]) =>
  moduleIds.length > 0 && moduleIds.every((id) => /[\\/]src[\\/]studio[\\/]|[\\/]node_modules[\\/](@xyflow|elkjs|d3-|classcat|zustand)/.test(id));

export default defineConfig({
  // Relative base: the built player works from any folder of any static host.
  base: './',
  plugins: [react(), servedFolders(), noXREmulator(), contentSecurityPolicy(), bootScript(), preloadPlayer(), ...offlinePlugins()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // The player, and the studio: a second page whose own files go under studio/, which the
      // station serves only behind its operator password (src/station/read.ts).
      input: { index: resolve(root, 'index.html'), studio: resolve(root, 'studio.html') },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'studio' ? 'studio/[name]-[hash].js' : 'assets/[name]-[hash].js'),
        chunkFileNames: (chunk) => (isStudioChunk(chunk.moduleIds) ? 'studio/[name]-[hash].js' : 'assets/[name]-[hash].js'),
        // zod in a chunk of its own with the player's order to parse without eval (src/app/no-eval.ts),
        // so the order is given before any schema is defined, whichever page's chunks define them.
        codeSplitting: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]app[\\/]no-eval\.ts$/ }] },
        assetFileNames: (asset) => (asset.names.some((name) => /^(studio|StudioPage)\b/.test(name)) ? 'studio/[name]-[hash][extname]' : 'assets/[name]-[hash][extname]'),
      },
    },
  },
  // Serving the build, the player sends its policy as a header too, with what only a header can say.
  preview: { headers: { 'Content-Security-Policy': contentSecurityPolicyHeader() } },
  test: {
    ...(sequencer && { sequence: { sequencer } }),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/station/**', 'test/soak/**'],
          environment: 'node',
          // The pipeline's tests run espeak-ng, sox and ffmpeg: seconds on an idle machine, far
          // more on CI's two busy cores. Limits catch hangs, not slowness.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'station',
          include: ['test/station/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/station/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Load and fault tests measure throughput and kill processes: one file at a time on two cores.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Two files at a time (package.json gives --maxWorkers=2): SwiftShader renders on the CPU
          // and a page draws as often as the CPU lets it, so two pages share the two cores at half
          // the frame rate each, while each file's other work (loading, decoding, the test's own
          // steps) overlaps: the suite takes about 0.7 of its time one file at a time.
          fileParallelism: true,
        },
      },
      {
        extends: true,
        test: {
          // A kiosk left running: hundreds of viewings on stepped clocks, so it runs beside the
          // station's tests (npm test starts both at once) without either racing time.
          name: 'soak',
          include: ['test/soak/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 20 * 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
