import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { SubtitleTracks } from '../media';
import { type HeadState, MagicWindow, type ScreenView, StageCanvas, type StageSlot, createHeadState, createScreenView, createStageSlot } from '../stage';
import { type DeviceProfile, type PlayerXRStore, createPlayerXRStore, detectDeviceProfile, useXRSession } from '../xr';
import { usePlayerMedia } from './player-media';

/**
 * What outlives each viewing: the device profile, the sound output and media libraries (so "Watch
 * again" and a kiosk's next visitor find their pictures loaded), the XR store, the screen view, the
 * canvas (through a stage slot) and where the head points. A viewing or a kiosk's attract loop
 * renders its scene into `slot`.
 */
export interface PlayerHost {
  readonly profile: DeviceProfile;
  readonly media: ReturnType<typeof usePlayerMedia>;
  readonly xrStore: PlayerXRStore;
  readonly view: ScreenView;
  readonly magic: MagicWindow;
  readonly tracks: SubtitleTracks;
  readonly slot: StageSlot;
  readonly head: HeadState;
}

export interface PlayerHostOptions {
  /** A kiosk offers the XR session to the browser and keeps it across viewings. @default false */
  readonly kiosk?: boolean;
}

export function usePlayerHost(options: PlayerHostOptions = {}): PlayerHost {
  const [profile] = useState(() => detectDeviceProfile(navigator.userAgent, navigator.maxTouchPoints ?? 0));
  const media = usePlayerMedia(profile);
  const [parts] = useState(() => ({
    xrStore: createPlayerXRStore(document.baseURI, profile, { offer: options.kiosk ?? false }),
    view: createScreenView(),
    magic: new MagicWindow(),
    tracks: new SubtitleTracks(),
    slot: createStageSlot(),
    head: createHeadState(),
  }));
  useEffect(
    () => () => {
      parts.magic.disable();
      parts.xrStore.destroy();
    },
    [parts],
  );
  return { profile, media, ...parts };
}

export interface PlayerFrameProps {
  readonly host: PlayerHost;
  /** "Restoring the picture…" while a lost WebGL context is replaced. */
  readonly restoringText: string;
  /** What shows over the canvas (a viewing's page layer, an attract loop's prompts). */
  readonly children: ReactNode;
}

/**
 * The player's frame: the canvas with whatever is in the host's stage slot, and the page layer over
 * it. A lost WebGL context gets a new canvas; the story, the media's sources and the XR store
 * survive the remount.
 */
export function PlayerFrame({ host, restoringText, children }: PlayerFrameProps) {
  const session = useXRSession(host.xrStore);
  const [canvasKey, setCanvasKey] = useState(0);
  const [restoring, setRestoring] = useState(false);
  const onContextLost = useCallback(() => {
    setRestoring(true);
    window.setTimeout(() => {
      setCanvasKey((k) => k + 1);
      setRestoring(false);
    }, 300);
  }, []);
  return (
    <div className="player" data-device={host.profile.id} data-xr={session ? 'immersive' : 'screen'}>
      {/* Keyed apart from the page layer's children (a Player is keyed by its viewing's number). */}
      {!restoring && (
        <StageCanvas key={`canvas-${canvasKey}`} xrStore={host.xrStore} antialias={host.profile.antialias} head={host.head} onContextLost={onContextLost}>
          <host.slot.Out />
        </StageCanvas>
      )}
      {restoring && <p className="notice">{restoringText}</p>}
      {children}
    </div>
  );
}
