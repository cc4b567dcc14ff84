import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import type { PauseReason, StoryEvent } from '../../src/story';
import type { SightlineTestHooks } from '../../src/app/test-hooks';
import type { TestClockState } from '../../src/app/test-hooks';
import { PNG } from 'pngjs';

/** Debian's Chromium; nothing downloads a browser of its own here. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Chromium for the tests; `args` adds flags (WebGL switched off, for instance). */
export async function launchBrowser(args: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--ignore-gpu-blocklist',
      '--autoplay-policy=no-user-gesture-required',
      ...args,
    ],
  });
}

export interface OpenOptions {
  readonly viewport?: { width: number; height: number };
  /** Install the IWER WebXR emulator (a Meta Quest 3) before the app loads. */
  readonly emulateXR?: boolean;
  readonly locale?: string;
  /** Scene time runs this many times faster (the app's test hook; viewers cannot set it). */
  readonly timeScale?: number;
  /**
   * Scene time (ms) at which each scene's clock stops, by scene id, on every entry into it: a test
   * waits for the hold (`waitForHold`), then reads what the film shows at that exact scene time,
   * and steps on with `stepSceneTo` or `releaseScene`. Speed with `timeScale`, exactness with holds.
   */
  readonly pauseAt?: Record<string, number>;
  /** Viewer settings stored before the app loads, as if chosen on the start screen earlier. */
  readonly settings?: Record<string, unknown>;
  /** A touch screen (a phone or tablet) instead of a mouse. */
  readonly touch?: boolean;
  /**
   * Tests run with reduced motion, so scene changes are cuts and screenshots never catch a fade
   * half-way; a test of transitions asks for 'no-preference'. @default 'reduce'
   */
  readonly reducedMotion?: 'reduce' | 'no-preference';
  /** More of the app's test hooks (src/app/test-hooks.ts), set before it loads. */
  readonly hooks?: SightlineTestHooks;
}

/** The tests' own film: the small one, unless a path names another. */
export const TEST_FILM = 'hello';

/** `path` with `film=hello` added when it names no film (the player's default is the flagship film). */
export function withFilm(path: string): string {
  if (/[?&]film=/.test(path)) return path;
  const [before, hash = ''] = path.split('#');
  const joined = before!.includes('?') ? `${before}&film=${TEST_FILM}` : `${before}?film=${TEST_FILM}`;
  return hash ? `${joined}#${hash}` : joined;
}

/** Opens the player at `path` (relative to the served build) in a fresh context. */
export async function openPlayer(browser: Browser, baseUrl: string, path: string, options: OpenOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 960, height: 600 },
    locale: options.locale ?? 'en-US',
    hasTouch: options.touch ?? false,
    reducedMotion: options.reducedMotion ?? 'reduce',
    isMobile: options.touch ?? false,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  (page as Page & { errors: string[] }).errors = errors;
  const violations = await recordViolations(page);
  // A worker's violations reach no listener in the page: they show as its errors, and count as violations too.
  const error = (text: string) => {
    errors.push(text);
    if (text.includes('Content Security Policy')) violations.push(`error: ${text.split('\n')[0]}`);
  };
  page.on('pageerror', (e) => error(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') error(m.text());
  });
  // The player may only talk to the server it came from: no CDN, no network at run time.
  await context.route(
    (url) => !url.href.startsWith(baseUrl),
    (route) => {
      errors.push(`blocked request to ${route.request().url()}`);
      return route.abort();
    },
  );
  if (options.emulateXR) await installIWER(page);
  // Always set, so the player installs its test clock; other hooks a test adds are merged in.
  const hooks: SightlineTestHooks = {
    ...options.hooks,
    ...(options.timeScale !== undefined && { timeScale: options.timeScale }),
    ...(options.pauseAt && { pauseAt: options.pauseAt }),
  };
  await page.addInitScript((hooks) => {
    const g = globalThis as { __SIGHTLINE_TEST__?: SightlineTestHooks };
    g.__SIGHTLINE_TEST__ = { ...g.__SIGHTLINE_TEST__, ...hooks };
  }, hooks);
  if (options.settings)
    await page.addInitScript((settings) => localStorage.setItem('sightline.settings', JSON.stringify(settings)), options.settings);
  await page.goto(new URL(withFilm(path), baseUrl).href);
  return page;
}

/**
 * One Chromium for a test file, launched before its tests and closed after them; returns how to
 * open the player at a path of the served build in a fresh context. Every context a test opened is
 * closed after it, passed or failed: a page left playing would slow every test after it.
 */
export function usePlayer(browserArgs: readonly string[] = []): (path: string, options?: OpenOptions) => Promise<Page> {
  let browser: Browser | undefined;
  /** Pages opened by the test under way, closed by it or not. */
  const opened: Page[] = [];
  beforeAll(async () => {
    browser = await launchBrowser(browserArgs);
  });
  afterEach(async () => {
    // The player runs under its Content-Security-Policy: anything it blocked fails the test.
    const blocked = opened.splice(0).flatMap(violations);
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
    if (blocked.length > 0) throw new Error(`the Content-Security-Policy blocked:\n${blocked.join('\n')}`);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const baseUrl = inject('baseUrl');
  return async (path, options) => {
    if (!browser) throw new Error('browser tests: usePlayer() opens pages only inside tests');
    const page = await openPlayer(browser, baseUrl, path, options);
    opened.push(page);
    return page;
  };
}

export const pageErrors = (page: Page): string[] => (page as Page & { errors: string[] }).errors;

/**
 * Records every `securitypolicyviolation` in the page (from its first script on, in every load),
 * so usePlayer fails a test in which the policy blocked anything. Returns the record.
 */
async function recordViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  (page as Page & { violations: string[] }).violations = seen;
  await page.exposeBinding('__sightlineViolation', (_source, violation: string) => void seen.push(violation));
  await page.addInitScript(() => {
    const report = (violation: string) => (globalThis as unknown as { __sightlineViolation(v: string): void }).__sightlineViolation(violation);
    document.addEventListener(
      'securitypolicyviolation',
      (e) => report(`event: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}${e.sourceFile ? ` from ${e.sourceFile}:${e.lineNumber}` : ''}${e.sample ? ` "${e.sample}"` : ''}`),
      true,
    );
  });
  return seen;
}

/** The policy violations recorded in a page so far. */
export const violations = (page: Page): string[] => (page as Page & { violations?: string[] }).violations ?? [];

/** Takes the violations recorded so far (a test that provokes them on purpose), so they fail nothing. */
export function takeViolations(page: Page): string[] {
  return violations(page).splice(0);
}

const require = createRequire(import.meta.url);

/**
 * Init scripts reach the page through the browser's debugging protocol, which the page's
 * Content-Security-Policy does not govern: the emulator installs under the player's policy as is.
 */
async function installIWER(page: Page): Promise<void> {
  await page.addInitScript({ content: readFileSync(require.resolve('iwer/build/iwer.min.js'), 'utf8') });
  await page.addInitScript(() => {
    const IWER = (globalThis as unknown as { IWER: typeof import('iwer') }).IWER;
    const device = new IWER.XRDevice(IWER.metaQuest3);
    device.installRuntime({ forceInstall: true } as never);
    (globalThis as unknown as { xrDevice: unknown }).xrDevice = device;
    // Keep the session the app starts, so a test can end it the way a headset does.
    const xr = navigator.xr!;
    const requestSession = xr.requestSession.bind(xr);
    xr.requestSession = async (...args: Parameters<XRSystem['requestSession']>) => {
      const session = await requestSession(...args);
      (globalThis as unknown as { xrSession: XRSession }).xrSession = session;
      return session;
    };
  });
}

/** Adds test hooks (beside those `open` set) for the page's next load: a media log, a memory budget. */
export async function addTestHooks(page: Page, hooks: Pick<SightlineTestHooks, 'mediaLog' | 'mediaBudget' | 'maxTextureSize'>): Promise<void> {
  await page.addInitScript((hooks) => {
    const g = globalThis as { __SIGHTLINE_TEST__?: SightlineTestHooks };
    g.__SIGHTLINE_TEST__ = { ...g.__SIGHTLINE_TEST__, ...hooks };
  }, hooks);
}

/** Waits until the app root carries these data attributes (never a fixed sleep). */
export async function waitForApp(page: Page, attributes: { status?: string; scene?: string; media?: string }, timeout = 30_000): Promise<void> {
  const parts: string[] = [];
  if (attributes.status) parts.push(`.app[data-status="${attributes.status}"]`);
  if (attributes.scene) parts.push(`.app[data-scene="${attributes.scene}"]`);
  let selector = parts.length === 2 ? `.app[data-status="${attributes.status}"][data-scene="${attributes.scene}"]` : parts[0] ?? '.app';
  if (attributes.media) selector += ` .viewing[data-media="${attributes.media}"]`;
  await page.waitForSelector(selector, { timeout, state: 'attached' });
}

/**
 * Adds CSS to the page as a constructed style sheet: the player's Content-Security-Policy refuses
 * inline `<style>` (Playwright's addStyleTag), and a test must not need it loosened.
 */
export async function addStyle(page: Page, css: string): Promise<void> {
  await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
}

/** Hides the page's text and controls over the canvas, so a screenshot shows only the scene. */
export async function showSceneOnly(page: Page): Promise<void> {
  await addStyle(page, '.a11y, .hint, .reticle, .notice, .controls, .subtitles, .title-card, .countdown { display: none !important; }');
}

/** Luminance variance of a screenshot: near zero for a blank or single-colour frame. */
export function pixelVariance(png: Buffer): number {
  const image = PNG.sync.read(png);
  let sum = 0;
  let sumSq = 0;
  const n = image.width * image.height;
  for (let i = 0; i < image.data.length; i += 4) {
    const l = 0.2126 * image.data[i]! + 0.7152 * image.data[i + 1]! + 0.0722 * image.data[i + 2]!;
    sum += l;
    sumSq += l * l;
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/** Waits for at least `frames` animation frames to have been rendered by the page. */
export async function nextFrames(page: Page, frames = 2): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    frames,
  );
}

/** A colour as [r, g, b], 0–255. */
export type RGB = readonly [number, number, number];

/** Mean colour of a 5×5 patch of a screenshot around (fx, fy), in fractions of its size. */
export function colourAt(png: Buffer, fx: number, fy: number): RGB {
  const image = PNG.sync.read(png);
  const cx = Math.round(fx * image.width);
  const cy = Math.round(fy * image.height);
  const sum = [0, 0, 0];
  for (let y = cy - 2; y <= cy + 2; y++)
    for (let x = cx - 2; x <= cx + 2; x++) for (let c = 0; c < 3; c++) sum[c]! += image.data[(y * image.width + x) * 4 + c]!;
  return [sum[0]! / 25, sum[1]! / 25, sum[2]! / 25];
}

/** Largest channel difference between two colours. */
export const colourDistance = (a: RGB, b: RGB) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

/**
 * Takes a choice through its DOM button (pressed directly, so it works with the overlays hidden)
 * and waits until the next scene plays with its media ready, then `frames` more frames.
 */
export async function choose(page: Page, choice: string, scene: string, { status = 'playing', frames = 0 } = {}): Promise<void> {
  await page.locator(`button[data-choice="${choice}"]`).evaluate((b: HTMLButtonElement) => b.click());
  await waitForApp(page, { status, scene, media: 'ready' });
  if (frames > 0) await nextFrames(page, frames);
}

/** Drags the view to the right by `yaw` degrees with the mouse (75° span the viewport's height; at most about 80°). */
export async function dragYaw(page: Page, yaw: number): Promise<void> {
  const viewport = page.viewportSize()!;
  const px = (yaw * viewport.height) / 75;
  await page.mouse.move(viewport.width - 10, viewport.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(viewport.width - 10 - (px * i) / 8, viewport.height / 2);
  await page.mouse.up();
}

/** Does in the player what a generated path's event stands for, the way a viewer would. */
export async function perform(page: Page, event: StoryEvent) {
  switch (event.type) {
    case 'hotspot.dwelled': {
      const lookAt = page.locator(`button[data-hotspot="${event.hotspot}"]`);
      await lookAt.focus();
      await page.keyboard.press('Enter');
      // Software WebGL draws few frames a second in heavy scenes, and dwell counts frames' time.
      await page.waitForSelector(`button[data-hotspot="${event.hotspot}"][data-seen="true"]`, { state: 'attached', timeout: 60_000 });
      return;
    }
    case 'choice.made': {
      const button = page.locator(`button[data-choice="${event.choice}"]`);
      await button.waitFor({ state: 'attached' });
      await button.focus();
      await page.keyboard.press('Enter');
      return;
    }
    case 'clock.tick':
      // The page holds every scene (holdEveryScene): scene time is stepped to the deadline exactly.
      await stepSceneTo(page, event.sceneMs);
      return;
    default:
      throw new Error(`no viewer action for ${event.type} in this film`);
  }
}

/** Everything a kiosk holds in one of its IndexedDB stores, read straight from the page. */
export function kioskStore<T>(page: Page, store: 'viewings' | 'outbox'): Promise<T[]> {
  return page.evaluate(
    (store) =>
      new Promise<T[]>((resolve, reject) => {
        const request = indexedDB.open('sightline-kiosk');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}

/** In kiosk mode: waits for the attract loop, then starts a viewing by tapping a language's button. */
export async function startKiosk(page: Page, language = 'en', scene?: string): Promise<void> {
  await waitForApp(page, { status: 'attract' });
  await page.locator(`.attract-languages button[data-language="${language}"]`).click();
  await waitForApp(page, { status: 'playing', ...(scene ? { scene } : {}), media: 'ready' });
}

declare const __SIGHTLINE_TEST__: Required<Pick<SightlineTestHooks, 'clock'>>;

/** Where scene time stands, as the player's test clock reports it (src/app/test-clock.ts). */
export function sceneTime(page: Page): Promise<TestClockState> {
  return page.evaluate(() => __SIGHTLINE_TEST__.clock.state());
}

/** Holds on entry into each of `scenes` at scene time 0: the film moves on only when the test steps it. */
export function holdEveryScene(scenes: Iterable<string>): Record<string, number> {
  return Object.fromEntries([...scenes].map((scene) => [scene, 0]));
}

/**
 * Waits until a hold has stopped scene time (in `scene`, at `ms`, where given). From then on the
 * film shows one scene time, and what a test reads cannot race the clock.
 */
export async function waitForHold(page: Page, at: { scene?: string; ms?: number } = {}, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (at) => {
      const clock = (globalThis as { __SIGHTLINE_TEST__?: SightlineTestHooks }).__SIGHTLINE_TEST__?.clock;
      const state = clock?.state();
      return state !== undefined && state.held && (at.scene === undefined || state.scene === at.scene) && (at.ms === undefined || state.ms === at.ms);
    },
    at,
    { timeout, polling: 50 },
  );
}

/** Waits until scene time is stopped for this reason (a pause the player takes asynchronously, such as a headset's). */
export async function waitForPause(page: Page, reason: PauseReason): Promise<void> {
  await page.waitForFunction((reason) => __SIGHTLINE_TEST__.clock.state().pausedBy.includes(reason), reason, { polling: 50 });
}

/** Holds the current scene at `ms` of scene time (it must not be past it) and waits until it stands there. */
export async function holdSceneAt(page: Page, ms: number): Promise<void> {
  const scene = await page.evaluate((ms) => {
    __SIGHTLINE_TEST__.clock.pauseAt(ms);
    return __SIGHTLINE_TEST__.clock.state().scene;
  }, ms);
  await waitForHold(page, { scene, ms });
}

/**
 * Lets held scene time run on to `ms` of the current scene (a deadline there fires) and waits until
 * it is held there, or until the scene has been left (the next one holds where the test said).
 */
export async function stepSceneTo(page: Page, ms: number): Promise<void> {
  const entries = await page.evaluate((ms) => {
    const { entries } = __SIGHTLINE_TEST__.clock.state();
    __SIGHTLINE_TEST__.clock.pauseAt(ms);
    return entries;
  }, ms);
  await page.waitForFunction(
    ({ ms, entries }) => {
      const state = __SIGHTLINE_TEST__.clock.state();
      return state.entries !== entries || (state.held && state.ms === ms);
    },
    { ms, entries },
    { timeout: 30_000, polling: 50 },
  );
}

/** Drops every hold: scene time runs freely again (at the test's time scale). */
export async function releaseScene(page: Page): Promise<void> {
  await page.evaluate(() => __SIGHTLINE_TEST__.clock.resume());
}
