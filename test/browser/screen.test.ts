import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { showSceneOnly, usePlayer, nextFrames, pageErrors, pixelVariance, waitForApp } from './harness';
import { choicePanelPoint, screenFieldOfView, screenPoint } from './view';

const viewport = { width: 960, height: 600 };
const open = usePlayer();

const status = (page: Page) => page.locator('[role="status"]');

/** Drags the view by whole degrees: 75° of pitch span the canvas height. */
async function dragView(page: Page, yaw: number, pitch: number) {
  const k = viewport.height / 75;
  const start = { x: yaw > 0 ? viewport.width - 40 : 40, y: pitch > 0 ? 40 : viewport.height - 40 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(start.x - (yaw * k * i) / 12, start.y + (pitch * k * i) / 12);
  await page.mouse.up();
}

/** Presses Tab until the focused element matches `selector` or has exactly `text`. */
async function tabTo(page: Page, target: { selector: string } | { text: string }) {
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate(
      (t) => ('selector' in t ? document.activeElement?.matches(t.selector) : document.activeElement?.textContent === t.text) ?? false,
      target,
    );
    if (reached) return;
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`);
}

describe('plain screen', () => {
  it('starts from the start screen with Play, and plays in the chosen language', async () => {
    const page = await open('?lang=zh-CN', { viewport });
    await waitForApp(page, { status: 'ready' });
    await expect.poll(() => page.locator('h1').textContent()).toBe('你好，穹顶');
    const play = page.getByRole('button', { name: /播放/ });
    await play.click();
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await expect.poll(() => status(page).textContent()).toContain('大厅');
    expect(pageErrors(page)).toEqual([]);
  });

  it('finds a clue by dragging the view, then chooses the tower with the mouse', async () => {
    const page = await open('?autoplay=1', { viewport });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await expect.poll(() => page.locator('button[data-choice]').allTextContents()).toEqual(['Follow the corridor']);
    await dragView(page, 90, 30);
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toContain('Clue found: The sky beyond the dome is real.');
    await expect.poll(() => page.locator('button[data-choice]').allTextContents()).toEqual(['Climb the tower', 'Follow the corridor']);
    await nextFrames(page, 3);
    // The panels were placed where the viewer looked (yaw 90, pitch 30) when the new choice appeared.
    const { place } = choicePanelPoint(0, 2, { yaw: 90, pitch: 30 }, screenFieldOfView(viewport));
    const target = screenPoint({ yaw: 90, pitch: 30 }, place, viewport, 2.2);
    await page.mouse.click(target.x, target.y);
    await waitForApp(page, { status: 'ended', scene: 'tower' });
    await expect.poll(() => status(page).textContent()).toContain('The open sky');
    await expect.poll(() => status(page).textContent()).toContain('The end');
    expect(pageErrors(page)).toEqual([]);
  });

  it('finds a clue with a "Look at" button and chooses with the keyboard', async () => {
    const page = await open('?autoplay=1', { viewport });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await tabTo(page, { selector: 'button[data-choice="corridor"]' });
    await page.keyboard.press('Enter');
    await waitForApp(page, { status: 'playing', scene: 'archive', media: 'ready' });
    expect(await page.locator('button[data-choice="unlock"]').count()).toBe(0);
    await tabTo(page, { text: 'Look at: An open ledger' });
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toContain('Clue found: The keeper signed the ledger: Ilan.');
    await expect.poll(() => page.locator('button[data-choice]').allTextContents()).toContain("Say the keeper's name at the stair door");
    await tabTo(page, { selector: 'button[data-choice="descend"]' });
    await page.keyboard.press('Enter');
    await waitForApp(page, { status: 'ended', scene: 'below' });
    await expect.poll(() => status(page).textContent()).toContain('The end');
    expect(pageErrors(page)).toEqual([]);
  });

  it('on a touch screen: a finger drags the view to find the clue, and a tap chooses', async () => {
    const phone = { width: 800, height: 500 };
    const page = await open('?autoplay=1', { viewport: phone, touch: true });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    // A one-finger drag, as the browser reports it: pointer events of type "touch".
    await page.evaluate(
      ({ dx, dy }) => {
        const canvas = document.querySelector('canvas')!;
        const at = (type: string, x: number, y: number) =>
          new PointerEvent(type, { pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: x, clientY: y, bubbles: true, buttons: type === 'pointerup' ? 0 : 1 });
        canvas.dispatchEvent(at('pointerdown', 700, 100));
        for (let i = 1; i <= 10; i++) window.dispatchEvent(at('pointermove', 700 - (dx * i) / 10, 100 + (dy * i) / 10));
        window.dispatchEvent(at('pointerup', 700 - dx, 100 + dy));
      },
      { dx: (90 * phone.height) / 75, dy: (30 * phone.height) / 75 },
    );
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toContain('Clue found: The sky beyond the dome is real.');
    await nextFrames(page, 3);
    const { place } = choicePanelPoint(0, 2, { yaw: 90, pitch: 30 }, screenFieldOfView(phone));
    const target = screenPoint({ yaw: 90, pitch: 30 }, place, phone, 2.2);
    await page.touchscreen.tap(target.x, target.y);
    await waitForApp(page, { status: 'ended', scene: 'tower' });
  });

  it('fades between scenes, or cuts for viewers who ask for reduced motion', async () => {
    for (const [reducedMotion, expected] of [['no-preference', 'fade'], ['reduce', null]] as const) {
      const page = await open('?autoplay=1', { viewport, reducedMotion });
      await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
      // The film fades in from the dark; once that is over, record every transition from now on.
      await page.waitForFunction(() => document.querySelector('canvas')?.dataset['transition'] === undefined);
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { transitions: string[] }).transitions = seen;
        new MutationObserver(() => {
          const t = document.querySelector('canvas')?.dataset['transition'];
          if (t) seen.push(t);
        }).observe(document.querySelector('canvas')!, { attributes: true });
      });
      await tabTo(page, { selector: 'button[data-choice="corridor"]' });
      await page.keyboard.press('Enter');
      await waitForApp(page, { status: 'playing', scene: 'archive', media: 'ready' });
      if (expected) await page.waitForFunction(() => (window as unknown as { transitions: string[] }).transitions.length > 0);
      await page.waitForFunction(() => document.querySelector('canvas')?.dataset['transition'] === undefined);
      const seen = await page.evaluate(() => (window as unknown as { transitions: string[] }).transitions);
      expect(seen.includes('fade'), `reducedMotion ${reducedMotion}`).toBe(expected === 'fade');
      await page.context().close();
    }
  });

  it('goes fullscreen and back from the controls', async () => {
    const page = await open('?autoplay=1', { viewport });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await page.getByRole('button', { name: 'Fullscreen' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.getByRole('button', { name: 'Exit fullscreen' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  });

  it('renders the first scene: the screenshot is not blank', async () => {
    const page = await open('?autoplay=1', { viewport });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await showSceneOnly(page);
    await nextFrames(page, 3);
    const png = await page.screenshot({ path: 'test/.artifacts/hall.png' });
    expect(pixelVariance(png)).toBeGreaterThan(150);
  });
});

describe('resilience', () => {
  it('rebuilds the picture after the WebGL context is lost, keeping the story where it was', async () => {
    const page = await open('?autoplay=1', { viewport });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await page.getByRole('button', { name: 'Look at: A crack in the dome' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toContain('Clue found');
    await page.evaluate(() => {
      const canvas = document.querySelector('canvas')!;
      (canvas as HTMLCanvasElement & { lostOnPurpose?: boolean }).lostOnPurpose = true;
      const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      gl!.getExtension('WEBGL_lose_context')!.loseContext();
    });
    // A new canvas replaces the lost one; the story actor outside it kept its clue.
    await page.waitForFunction(() => {
      const canvas = document.querySelector('canvas') as (HTMLCanvasElement & { lostOnPurpose?: boolean }) | null;
      return canvas !== null && !canvas.lostOnPurpose;
    });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    expect(await page.locator('button[data-choice]').allTextContents()).toEqual(['Climb the tower', 'Follow the corridor']);
    await showSceneOnly(page);
    await nextFrames(page, 5);
    expect(pixelVariance(await page.screenshot())).toBeGreaterThan(150);
  });

  it('plays the next alternate when a scene\'s media fails, without changing the story', async () => {
    const page = await open('?film=alternate&autoplay=1', { viewport });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    expect(await page.locator('.notice').count()).toBe(0);
    await showSceneOnly(page);
    await nextFrames(page, 3);
    // The second alternate, a plain #2f5f8f, fills the view.
    const png = PNG.sync.read(await page.screenshot({ clip: { x: 100, y: 100, width: 20, height: 20 } }));
    expect([png.data[0], png.data[1], png.data[2]]).toEqual([0x2f, 0x5f, 0x8f]);
    expect(await page.locator('button[data-choice]').allTextContents()).toEqual(['Stay below']);
  });

  it('shows a placeholder and goes on when a scene image is missing', async () => {
    const page = await open('?film=missing-image&autoplay=1', { viewport });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'failed' });
    await expect.poll(() => page.locator('.notice').textContent()).toContain('could not be shown');
    await tabTo(page, { selector: 'button[data-choice="stay"]' });
    await page.keyboard.press('Enter');
    await waitForApp(page, { status: 'ended', scene: 'below' });
  });
});

describe('broken packages', () => {
  it('shows the error screen with the file and JSON path of a schema error', async () => {
    const page = await open('?film=broken-schema&autoplay=1', { viewport });
    await waitForApp(page, { status: 'error' });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('scenes/broken-schema/story.json');
    await expect.poll(() => alert.textContent()).toContain('$.scenes.hall.hotspots[0].yaw');
    await expect.poll(() => alert.textContent()).toContain('expected number');
  });

  it('refuses asset paths the browser would resolve elsewhere, on the error screen, never a blank page', async () => {
    const page = await open('?film=hostile-paths&autoplay=1', { viewport });
    await waitForApp(page, { status: 'error' });
    const items = await page.locator('.error-screen li').allTextContents();
    expect(items.some((t) => t.includes('$.scenes.hall.media.src') && t.includes('"%2e%2e/%2e%2e/hall.webp"') && t.includes('"%"'))).toBe(true);
    expect(items.some((t) => t.includes('$.scenes.hall.narration.en') && t.includes('\\t/\\t/evil.example') && t.includes('U+0009'))).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });

  it('says what the address asked for that the film lacks, and plays its default; no scene is called __proto__', async () => {
    const page = await open('?film=hello&edition=__proto__&lang=__proto__&autoplay=1', { viewport });
    await waitForApp(page, { status: 'playing', scene: 'hall' });
    expect(await page.locator('.address-notices li').allTextContents()).toEqual([
      'There is no edition "__proto__" in this film; playing "full".',
      'This film is not in "__proto__"; playing in English.',
    ]);
    await page.locator('.address-notices button').click();
    await page.waitForSelector('.address-notices', { state: 'detached' });
    const scene = await open('?film=hello&scene=__proto__', { viewport });
    await waitForApp(scene, { status: 'error' });
    await expect.poll(() => scene.getByRole('alert').textContent()).toContain('there is no scene "__proto__" in this film');
    expect([...pageErrors(page), ...pageErrors(scene)]).toEqual([]);
  });

  it('shows where malformed JSON breaks', async () => {
    const page = await open('?film=broken-json', { viewport });
    await waitForApp(page, { status: 'error' });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/line 5, column 3/);
  });

  it('names a film that does not exist', async () => {
    const page = await open('?film=no-such-film', { viewport });
    await waitForApp(page, { status: 'error' });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('scenes/no-such-film/story.json');
  });
});
