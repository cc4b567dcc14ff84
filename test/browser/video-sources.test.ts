import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VIDEO_COLORS, type VideoFile } from '../../src/generate/fixtures/video-sources';
import { type RGB, addTestHooks, choose as chooseScene, colourAt, colourDistance, dragYaw, pageErrors, releaseScene, showSceneOnly, usePlayer, waitForApp, waitForHold } from './harness';

const open = usePlayer();
const viewport = { width: 320, height: 200 };
/** The player's placeholder, the background behind a 180° picture. */
const BACKGROUND: RGB = [0x24, 0x26, 0x2d];
/**
 * Video frames pass through BT.709 YUV 4:2:0 and back: flat colours came back within 4 levels
 * per channel in every encoding; the decoys and the background are over 100 away.
 */
const TOLERANCE = 12;
/** Where the videos' drifting marker passes on this viewport, looking ahead. */
const MARKER_TRACK = { x: 30, y: 25, width: 130, height: 55 };
/** The widest picture any device profile holds; wider sources are never taken. */
const WIDEST_PROFILE = 8192;

interface Source {
  readonly src: string;
  readonly type?: string;
  readonly width?: number;
}
interface VideoMedia {
  readonly type: 'video';
  readonly src: string;
  readonly sources?: Source[];
}
const story = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/packages/video-sources/story.json'), 'utf8')) as {
  scenes: Record<string, { media: VideoMedia | { type: 'color' } }>;
};
const videoOf = (scene: string) => story.scenes[scene]!.media as VideoMedia;
const fileOf = (src: string) => src.split('/').pop() as VideoFile;

/**
 * The file a scene should play in this browser, worked out independently of the player: the first
 * source whose `type` the page's own `canPlayType` accepts and that is not wider than any device
 * holds, else `src`. Asked of the page, never assumed (Debian's Chromium may lack H.264).
 */
async function expectedFile(page: Page, scene: string): Promise<VideoFile> {
  const media = videoOf(scene);
  for (const source of media.sources ?? []) {
    if (source.width !== undefined && source.width > WIDEST_PROFILE) continue;
    if (source.type !== undefined && !(await canPlay(page, source.type))) continue;
    return fileOf(source.src);
  }
  return fileOf(media.src);
}

const canPlay = (page: Page, type: string) => page.evaluate((t) => document.createElement('video').canPlayType(t) !== '', type);

/** Package assets the page requested, from resource timing. */
const requested = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.includes('/video-sources/assets/'))
      .map((p) => p.split('/assets/')[1]!),
  );

/** Files in the order the player first drew them (the media log's "shown" events). */
const shown = async (page: Page) =>
  (await page.evaluate(() => (globalThis as unknown as { __SIGHTLINE_TEST__: { mediaLog: Array<{ url: string; event: string }> } }).__SIGHTLINE_TEST__.mediaLog))
    .filter((e) => e.event === 'shown')
    .map((e) => e.url.split('/assets/')[1]);

const describeColour = (c: RGB) => `rgb(${c.map(Math.round).join(', ')})`;

/** Waits until the colour at (fx, fy) is `expected`, and returns the screenshot showing it. */
async function untilColour(page: Page, expected: RGB, what: string, fx = 0.5, fy = 0.5): Promise<Buffer> {
  let png: Buffer = Buffer.alloc(0);
  await expect
    .poll(
      async () => {
        png = await page.screenshot();
        return colourAt(png, fx, fy).map(Math.round);
      },
      { timeout: 15_000, message: `${what}: expected ${describeColour(expected)}` },
    )
    .toSatisfy((c: RGB) => colourDistance(c, expected) < TOLERANCE);
  return png;
}

const choose = (page: Page, choice: string, scene: string) => chooseScene(page, choice, scene, { frames: 3 });

/** Checks the scene plays the file expected in this browser: drawn, in its colour ahead, and advancing. */
async function expectPlays(page: Page, scene: string): Promise<VideoFile> {
  const file = await expectedFile(page, scene);
  await expect.poll(async () => (await shown(page)).at(-1), { timeout: 15_000, message: `${scene}: the file drawn last` }).toBe(file);
  await untilColour(page, VIDEO_COLORS[file], `${scene} ahead (${file})`);
  await page.screenshot({ path: `/tmp/vsources-${scene}.png` });
  // The drifting marker's track (yaw −40° to 0°, pitch 20°, above the choice panels): a later
  // frame of it differs once the video has moved on.
  const track = () => page.screenshot({ clip: MARKER_TRACK });
  const first = await track();
  await page.screenshot({ clip: MARKER_TRACK, path: `/tmp/vsources-${scene}-track.png` });
  await expect.poll(async () => Buffer.compare(first, await track()) !== 0, { timeout: 15_000, message: `${scene} advances` }).toBe(true);
  return file;
}

describe('video sources', () => {
  it('plays the first source this browser can play, in each order, skipping unplayable and too-wide ones', async () => {
    const page = await open('?film=video-sources&autoplay=1', { viewport });
    await addTestHooks(page, { mediaLog: [] });
    await page.reload();
    await waitForApp(page, { status: 'playing', scene: 'av1-first', media: 'ready' });
    await showSceneOnly(page); // Choices are still pressed through the hidden accessibility layer.

    const decoders = {
      av1: await canPlay(page, 'video/webm; codecs="av01.0.00M.08"'),
      vp9: await canPlay(page, 'video/webm; codecs="vp09.00.21.08"'),
      h264: await canPlay(page, 'video/mp4; codecs="avc1.42E01E"'),
      hevc: await canPlay(page, 'video/mp4; codecs="hvc1.1.6.L63.90"'),
    };
    console.log('decoders in this Chromium:', decoders);
    // VP9 is every browser's fallback here; without it nothing below means anything.
    expect(decoders.vp9).toBe(true);

    const played = new Set<VideoFile>();
    played.add(await expectPlays(page, 'av1-first'));
    await choose(page, 'to-h264-first', 'h264-first');
    played.add(await expectPlays(page, 'h264-first'));
    await choose(page, 'to-skips', 'skips');
    // The decoys (red) come first; this browser skips the HEVC one only if it cannot play it.
    played.add(await expectPlays(page, 'skips'));
    if (!decoders.hevc) expect(await expectedFile(page, 'skips')).toBe(decoders.av1 ? 'av1.webm' : 'h264.mp4');
    // Every source passed over: the fallback plays.
    await choose(page, 'to-fallback', 'fallback');
    const fallback = await expectPlays(page, 'fallback');
    played.add(fallback);
    if (!decoders.hevc) expect(fallback).toBe('vp9.webm');

    // Every file requested was one of the picks or the next scene's, buffered ahead: no decoy,
    // no source passed over, was fetched.
    const fetched = new Set(await requested(page));
    const buffered = await expectedFile(page, 'mislabelled');
    expect([...fetched].sort()).toEqual([...new Set([...played, buffered])].sort());
    expect(fetched).not.toContain('vp9-wide.webm');

    // A source whose declared type the browser accepts but whose file it cannot decode gives way
    // to the next one (here the src), instead of failing the scene.
    if (decoders.h264 && !decoders.hevc) {
      await choose(page, 'to-mislabelled', 'mislabelled');
      await expect.poll(async () => (await shown(page)).at(-1), { timeout: 15_000 }).toBe('vp9.webm');
      await untilColour(page, VIDEO_COLORS['vp9.webm'], 'mislabelled source falls back to src');
      expect(await requested(page)).toContain('hevc.mp4');
    }
    expect(pageErrors(page)).toEqual([]);
  });

  it('plays a video once and moves on when it ends, then shows a 180° video ahead and the background behind', async () => {
    // The two-second video that plays once is held at its start until its colour has been seen.
    const page = await open('?film=video-sources&autoplay=1', { viewport, pauseAt: { once: 0 } });
    await addTestHooks(page, { mediaLog: [] });
    await page.reload();
    await waitForApp(page, { status: 'playing', scene: 'av1-first', media: 'ready' });
    await showSceneOnly(page);
    await choose(page, 'to-h264-first', 'h264-first');
    await choose(page, 'to-skips', 'skips');
    await choose(page, 'to-fallback', 'fallback');
    await choose(page, 'to-mislabelled', 'mislabelled');
    await choose(page, 'to-once', 'once');
    // The VP9 the scene before looped plays again, once: its end ends the scene, which routes on.
    await waitForHold(page, { scene: 'once', ms: 0 });
    await untilColour(page, VIDEO_COLORS['vp9.webm'], 'once ahead');
    await releaseScene(page);
    await waitForApp(page, { status: 'playing', scene: 'half', media: 'ready' }, 20_000);

    const ahead = await expectPlays(page, 'half');
    expect(ahead).toBe('vr180.webm');
    // Facing yaw 60: the picture's edge at yaw 90 lies right of centre, the background beyond it.
    await dragYaw(page, 60);
    let png = await untilColour(page, VIDEO_COLORS['vr180.webm'], '180° at yaw 30', 0.25);
    await page.screenshot({ path: '/tmp/vsources-half-edge.png' });
    expect(colourDistance(colourAt(png, 0.95, 0.5), BACKGROUND), '180° at yaw 108 is the background').toBeLessThan(TOLERANCE);
    for (let i = 0; i < 2; i++) await dragYaw(page, 60);
    png = await untilColour(page, BACKGROUND, '180° behind');
    await page.screenshot({ path: '/tmp/vsources-half-behind.png' });
    expect(pageErrors(page)).toEqual([]);
  });
});
