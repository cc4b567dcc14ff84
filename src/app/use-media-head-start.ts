import { useEffect, useRef } from 'react';
import { type MediaLibraries, type SceneMediaRequest, dropEarlyPictures, planSceneMedia } from '../media';

/**
 * Starts the first scene's media while the renderer is still being made: as soon as the device's
 * support is known (the page's GPU probe), the libraries hold what the scene's plan keeps, so its
 * picture is fetched and decoded beside the canvas's set-up instead of after it. Once a renderer is
 * handed over, the stage plans and holds (with the picture a transition is leaving), and this
 * steps aside. Once per viewing's libraries.
 */
export function useMediaHeadStart(libraries: MediaLibraries, request: Omit<SceneMediaRequest, 'leaving'>): void {
  const first = useRef(request);
  useEffect(() => {
    const start = (): boolean => {
      if (libraries.rendering) return true;
      const plan = planSceneMedia({ ...first.current, leaving: null }, libraries);
      if (!plan.kept) return false;
      libraries.keepOnly(plan.kept);
      // The page's early first picture has been taken if the scene shows it; otherwise it was a wrong guess.
      dropEarlyPictures();
      return true;
    };
    if (start()) return;
    const unsubscribe = libraries.subscribe(() => {
      if (start()) unsubscribe();
    });
    return unsubscribe;
  }, [libraries]);
}
