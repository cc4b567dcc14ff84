import { createXRStore } from '@react-three/xr';
import { useSyncExternalStore } from 'react';
import { type DeviceProfile, pickFrameRate } from './device-profile';

/**
 * The XR store of the player. Controller and hand models come from the app's own `xr-profiles/`
 * folder (copied from @webxr-input-profiles/assets at build time), never from a CDN; no emulator is
 * injected (tests install IWER themselves). A viewer enters from our own button; a kiosk also
 * offers the session to the browser (`navigator.xr.offerSession`: Quest Browser shows its own Enter
 * VR prompt, so a headset needs no pointer) and enters a session granted across a reload.
 */
export function createPlayerXRStore(siteBase: string, profile: DeviceProfile, options: { readonly offer?: boolean } = {}) {
  return createXRStore({
    emulate: false,
    offerSession: options.offer ? 'immersive-vr' : false,
    enterGrantedSession: options.offer ? ['immersive-vr'] : false,
    baseAssetPath: new URL('xr-profiles/', siteBase).href,
    handTracking: true,
    // Head gaze is our own dwell logic; the store's gaze pointer would click on its own.
    gaze: false,
    // The device profile's rate, through updateTargetFrameRate where the headset supports it.
    frameRate: (supported) => pickFrameRate(profile, supported),
    foveation: profile.foveation,
    frameBufferScaling: profile.frameBufferScaling,
  });
}

export type PlayerXRStore = ReturnType<typeof createPlayerXRStore>;

/** The current XR session, for components outside the canvas (null on a plain screen). */
export function useXRSession(store: PlayerXRStore): XRSession | null {
  return useSyncExternalStore(store.subscribe, () => store.getState().session ?? null);
}
