import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { choose, nextFrames, pageErrors, showSceneOnly, usePlayer, waitForApp } from './harness';
import { lookQuaternion, screenPoint } from './view';

const viewport = { width: 400, height: 250 };
const open = usePlayer();
const status = (page: Page) => page.locator('[role="status"]');

/** The colour at the centre of the view (where the reticle points), as [r, g, b]. */
async function centre(page: Page, name: string): Promise<[number, number, number]> {
  await nextFrames(page, 3);
  const png = PNG.sync.read(await page.screenshot({ path: `test/.artifacts/props-${name}.png` }));
  const i = (Math.floor(png.height / 2) * png.width + Math.floor(png.width / 2)) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

/** Which of red, green, blue, yellow an unlit test box shows as, or null for none of them. */
function boxColour([r, g, b]: [number, number, number]): string | null {
  const hi = (c: number) => c > 170;
  const lo = (c: number) => c < 70;
  if (hi(r) && lo(g) && lo(b)) return 'red';
  if (lo(r) && hi(g) && lo(b)) return 'green';
  if (lo(r) && lo(g) && hi(b)) return 'blue';
  if (hi(r) && hi(g) && lo(b)) return 'yellow';
  if (hi(r) && lo(g) && hi(b)) return 'magenta';
  return null;
}

/** Drags the view by whole degrees of yaw: 75° span the canvas height. */
async function turn(page: Page, yaw: number) {
  const k = viewport.height / 75;
  const start = { x: yaw > 0 ? viewport.width - 20 : 20, y: viewport.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(start.x - (yaw * k * i) / 12, start.y);
  await page.mouse.up();
}

/** Collects console warnings from the start of a (re)load of the page. */
async function watchWarnings(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as { warnings?: string[] }).warnings = seen;
    const warn = console.warn.bind(console);
    console.warn = (...args: unknown[]) => {
      seen.push(args.map(String).join(' '));
      warn(...args);
    };
  });
  await page.reload();
  return () => page.evaluate(() => (globalThis as { warnings?: string[] }).warnings ?? []);
}

/** The part of the view around the bobbing box, for frame-to-frame comparisons. */
const boxClip = { x: viewport.width / 2 - 40, y: 20, width: 80, height: viewport.height / 2 + 20 };

describe('glTF props', () => {
  it('shows each prop where it stands, over the backdrop: plain, Draco, Meshopt and KTX2-textured', async () => {
    const page = await open('?film=props&autoplay=1', { viewport });
    await waitForApp(page, { status: 'playing', scene: 'gallery', media: 'ready' });
    await showSceneOnly(page);
    expect(boxColour(await centre(page, 'relic'))).toBe('red'); // the textured relic, ahead
    await turn(page, 90);
    expect(boxColour(await centre(page, 'urn'))).toBe('green'); // the Draco urn, to the right
    await turn(page, 90);
    expect(await centre(page, 'behind')).toEqual([0x20, 0x30, 0x40]); // nothing behind: the backdrop colour
    await turn(page, 90);
    expect(boxColour(await centre(page, 'mask'))).toBe('blue'); // the Meshopt mask, to the left
    // The vault's idol, behind the viewer, is textured with KTX2 (KHR_texture_basisu), transcoded
    // by the player's own Basis decoder.
    await choose(page, 'turntable', 'turntable');
    await choose(page, 'on', 'vault');
    await turn(page, -90); // the view kept its yaw (270°) through the cuts: back to 180°
    expect(boxColour(await centre(page, 'idol'))).toBe('magenta');
    expect(pageErrors(page)).toEqual([]);
  });

  it('fires a 3D hotspot by "Look at" and dwell, and another by hovering the mouse over it', async () => {
    const page = await open('?film=props&autoplay=1', { viewport });
    await waitForApp(page, { status: 'playing', scene: 'gallery', media: 'ready' });
    // "Look at" turns the screen view to the mask (yaw -90 from the screen eye); the reticle dwells.
    await page.locator('button[data-hotspot="mask"]').evaluate((b: HTMLButtonElement) => b.click());
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toContain('Clue found: The blue mask has no eyes');
    await showSceneOnly(page);
    expect(boxColour(await centre(page, 'mask-looked-at'))).toBe('blue');
    // Turn to yaw 60, so the urn (yaw 90) stands off-centre, and rest the mouse on it.
    await turn(page, 150);
    await nextFrames(page, 3);
    const urn = screenPoint({ yaw: 60, pitch: 0 }, { yaw: 90, pitch: 0 }, viewport);
    await page.mouse.move(urn.x, urn.y);
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toContain('Clue found: The green urn is sealed');
    await page.screenshot({ path: 'test/.artifacts/props-urn-hovered.png' });
    expect(pageErrors(page)).toEqual([]);
  });

  it('loops an animation clip on scene time, which stops when paused; a broken prop or unknown clip is skipped', async () => {
    const page = await open('?film=props&autoplay=1', { viewport });
    const warnings = await watchWarnings(page);
    await waitForApp(page, { status: 'playing', scene: 'gallery', media: 'ready' });
    await choose(page, 'turntable', 'turntable');
    await showSceneOnly(page);
    // No title card covers a colour scene that has props.
    expect(await page.locator('.title-card').count()).toBe(0);
    await nextFrames(page, 3);
    const first = await page.screenshot({ clip: boxClip, path: 'test/.artifacts/props-orrery.png' });
    await expect.poll(async () => Buffer.compare(first, await page.screenshot({ clip: boxClip })) !== 0, { timeout: 10_000 }).toBe(true);
    // The controls bar's pause button (hidden from the screenshots, so pressed from the page).
    const pause = () => page.locator('button.pause').evaluate((b: HTMLButtonElement) => b.click());
    await pause();
    await page.waitForSelector('.viewing[data-paused="true"]', { state: 'attached' });
    await nextFrames(page, 3);
    const paused = await page.screenshot({ clip: boxClip });
    await nextFrames(page, 30);
    expect(Buffer.compare(paused, await page.screenshot({ clip: boxClip }))).toBe(0);
    await pause();
    await expect.poll(async () => Buffer.compare(paused, await page.screenshot({ clip: boxClip })) !== 0, { timeout: 10_000 }).toBe(true);
    const said = await warnings();
    expect(said.some((w) => w.includes('"assets/broken.glb" could not be loaded') && w.includes('goes on without it'))).toBe(true);
    expect(said.some((w) => w.includes('no animation clip "Spin"') && w.includes('"Bob"'))).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });

  it('in a headset, aims a 3D hotspot from where the head really is', async () => {
    const page = await open('?film=props&autoplay=1', { viewport, emulateXR: true });
    await waitForApp(page, { status: 'playing', scene: 'gallery', media: 'ready' });
    await page.getByRole('button', { name: 'Enter VR' }).click();
    await page.waitForSelector('.player[data-xr="immersive"]');
    // Step 1.5 m right and 1.5 m back from the urn's side: it is now 45° to the right, where the
    // screen eye would see nothing. Looking there fires it.
    await page.evaluate(() => (globalThis as unknown as { xrDevice: { position: { set(x: number, y: number, z: number): void } } }).xrDevice.position.set(1.5, 1.6, 1.5));
    await page.evaluate((q) => (globalThis as unknown as { xrDevice: { quaternion: { set(...q: number[]): void } } }).xrDevice.quaternion.set(...q), lookQuaternion(45, 0));
    await expect.poll(() => status(page).textContent(), { timeout: 15_000 }).toContain('Clue found: The green urn is sealed');
    await page.screenshot({ path: 'test/.artifacts/props-xr-urn.png' });
    expect(pageErrors(page)).toEqual([]);
  });

  it('returns GPU memory to its baseline after 100 switches between prop scenes', async () => {
    const page = await open('?film=props&autoplay=1', { viewport });
    await waitForApp(page, { status: 'playing', scene: 'gallery', media: 'ready' });
    const gpu = async () => {
      await nextFrames(page, 10);
      return page.evaluate(() => {
        const canvas = document.querySelector('canvas')!;
        return { textures: Number(canvas.dataset['textures']), geometries: Number(canvas.dataset['geometries']) };
      });
    };
    // Round the loop gallery → turntable → vault → gallery: each step leaves some models out of
    // reach (the relic's texture at the turntable, the orrery at the vault), so they are disposed
    // and loaded again on the next round.
    const round = async () => {
      for (const [choice, scene] of [['turntable', 'turntable'], ['on', 'vault'], ['return', 'gallery']] as const) {
        await choose(page, choice, scene);
        await nextFrames(page, 2); // Each scene is really drawn before the next switch.
      }
    };
    await round();
    const baseline = await gpu();
    expect(baseline.geometries).toBeGreaterThan(0);
    expect(baseline.textures).toBeGreaterThan(0);
    for (let i = 0; i < 34; i++) await round();
    expect(await gpu()).toEqual(baseline);
  });
});
