/** What the player asks of a class of device; chosen once at start from the browser's identity. */
export interface DeviceProfile {
  readonly id: 'quest-3' | 'quest-pro' | 'quest-2' | 'headset' | 'phone' | 'desktop';
  /** Target display rate in XR, used when the headset supports it. */
  readonly frameRate: number;
  /** Fixed foveation in XR, 0 (none) to 1 (most). */
  readonly foveation: number;
  /** XR framebuffer scale relative to the headset's default. */
  readonly frameBufferScaling: number;
  readonly antialias: boolean;
  /** Largest panorama texture side to load (the media layer picks sources up to this). */
  readonly maxTextureSize: number;
  /** Most Gaussian splats to draw at once. */
  readonly splatBudget: number;
  /**
   * Bytes of scene media the media layer may hold, every kind counted together (textures with
   * their mipmaps, video frames, splat worlds, glTF models): the current scene always, then the
   * scenes reachable from it, nearest first, until this is spent.
   */
  readonly mediaBudget: number;
}

const MiB = 1024 * 1024;

const PROFILES: Record<DeviceProfile['id'], DeviceProfile> = {
  // Quest 3 (XR2 Gen 2): 90 Hz with headroom for MSAA and a sharper framebuffer.
  'quest-3': { id: 'quest-3', frameRate: 90, foveation: 0.5, frameBufferScaling: 1.2, antialias: true, maxTextureSize: 8192, splatBudget: 1_000_000, mediaBudget: 512 * MiB },
  'quest-pro': { id: 'quest-pro', frameRate: 90, foveation: 0.5, frameBufferScaling: 1.1, antialias: true, maxTextureSize: 8192, splatBudget: 800_000, mediaBudget: 512 * MiB },
  // Quest 2 (XR2): 72 Hz, full foveation, no MSAA, smaller textures to stay in memory and frame time.
  // Media budgets leave most of a headset's shared memory to the browser and the compositor.
  'quest-2': { id: 'quest-2', frameRate: 72, foveation: 1, frameBufferScaling: 1, antialias: false, maxTextureSize: 4096, splatBudget: 300_000, mediaBudget: 256 * MiB },
  headset: { id: 'headset', frameRate: 72, foveation: 1, frameBufferScaling: 1, antialias: false, maxTextureSize: 4096, splatBudget: 300_000, mediaBudget: 256 * MiB },
  phone: { id: 'phone', frameRate: 60, foveation: 1, frameBufferScaling: 1, antialias: false, maxTextureSize: 4096, splatBudget: 500_000, mediaBudget: 192 * MiB },
  desktop: { id: 'desktop', frameRate: 90, foveation: 0, frameBufferScaling: 1, antialias: true, maxTextureSize: 8192, splatBudget: 3_000_000, mediaBudget: 1024 * MiB },
};

/**
 * The profile for a browser, from its user agent (Meta's browser names the headset) and whether it
 * has a touch screen. Unknown headsets get the cautious Quest 2 settings.
 */
export function detectDeviceProfile(userAgent: string, maxTouchPoints: number): DeviceProfile {
  if (/Quest 3/i.test(userAgent)) return PROFILES['quest-3'];
  if (/Quest Pro/i.test(userAgent)) return PROFILES['quest-pro'];
  if (/Quest 2|Quest(?!\s*(3|Pro))/i.test(userAgent)) return PROFILES['quest-2'];
  if (/OculusBrowser|Pico|VR/i.test(userAgent)) return PROFILES.headset;
  if (/Mobi|Android|iPhone|iPad/i.test(userAgent) || maxTouchPoints > 1) return PROFILES.phone;
  return PROFILES.desktop;
}

/** The supported rate closest to the profile's target, or false to leave the headset's default. */
export function pickFrameRate(profile: DeviceProfile, supported: ArrayLike<number>): number | false {
  let best: number | false = false;
  for (const rate of Array.from(supported))
    if (best === false || Math.abs(rate - profile.frameRate) < Math.abs(best - profile.frameRate)) best = rate;
  return best;
}
