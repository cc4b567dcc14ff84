import { useEffect, useMemo, useRef } from 'react';
import { type StoryEvent, unitVectorOf } from '../story';
import { CHOICE_GAZE_RADIUS, type ChoicePlace } from './choice-layout';
import { type GazeTarget, GazeTracker } from './gaze';
import type { HotspotMark } from './Hotspots';

/** Choices are selected by gaze with a longer dwell than hotspots, so looking around never picks one. */
export const CHOICE_DWELL_MS = 2000;

export interface GazeOptions {
  readonly sceneId: string;
  /** The scene is on show (while it is held, `hotspots` and `choices` are empty). */
  readonly shown: boolean;
  /** The scene's hotspots, each with its dwell time. */
  readonly hotspots: readonly (HotspotMark & { readonly dwellMs: number })[];
  /** Hotspot ids that already fired: still tracked, never fired again. */
  readonly dwelled: readonly string[];
  /** The choices offered, and where each panel is placed (same order). */
  readonly choices: readonly { readonly id: string }[];
  readonly places: readonly ChoicePlace[];
  readonly send: (event: StoryEvent) => void;
  /** The shell asks for the attention gathered so far before each clock tick. */
  readonly setAttentionReporter: (report: () => void) => void;
}

/**
 * One gaze tracker for the stage's life. Its targets are this scene's hotspots, then the offered
 * choices (the order `Hotspots` and `ChoicePanels` index them by); a dwell sends `hotspot.dwelled`
 * or `choice.made`, and time looked at a hotspot is reported as `hotspot.watched` when the gaze
 * leaves it, and whenever the viewing asks (and when the stage goes).
 */
export function useGaze({ sceneId, shown, hotspots, dwelled, choices, places, send, setAttentionReporter }: GazeOptions): GazeTracker {
  const sendRef = useRef(send);
  sendRef.current = send;
  const tracker = useMemo(
    () =>
      new GazeTracker({
        onDwell: (target) =>
          sendRef.current(target.kind === 'hotspot' ? { type: 'hotspot.dwelled', hotspot: target.id } : { type: 'choice.made', choice: target.id }),
        onWatched: (target, ms) => {
          if (target.kind === 'hotspot') sendRef.current({ type: 'hotspot.watched', hotspot: target.id, ms });
        },
      }),
    [],
  );
  useEffect(() => {
    setAttentionReporter(() => tracker.flush());
    return () => tracker.flush();
  }, [setAttentionReporter, tracker]);

  const dwelledKey = dwelled.join(',');
  const choiceKey = choices.map((c) => c.id).join(',');
  useEffect(() => {
    const targets: GazeTarget[] = [
      ...hotspots.map((h) => ({
        id: h.id,
        kind: 'hotspot' as const,
        direction: unitVectorOf(h.yaw, h.pitch),
        radius: h.radius,
        at: h.at,
        dwellMs: h.dwellMs,
        done: dwelled.includes(h.id),
      })),
      ...choices.map((c, i) => ({
        id: c.id,
        kind: 'choice' as const,
        direction: unitVectorOf(places[i]!.yaw, places[i]!.pitch),
        radius: CHOICE_GAZE_RADIUS,
        dwellMs: CHOICE_DWELL_MS,
        done: false,
      })),
    ];
    tracker.setTargets(targets);
    // The dependencies, on purpose: only the ids that define the targets.
  }, [tracker, sceneId, shown, dwelledKey, choiceKey, places]);
  return tracker;
}
