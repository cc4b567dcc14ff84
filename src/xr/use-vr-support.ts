import { useEffect, useState } from 'react';

/** Whether this browser can offer an immersive VR session (false until it has said). */
export function useImmersiveVRSupport(): boolean {
  const [supported, setSupported] = useState(false);
  useEffect(() => {
    let live = true;
    navigator.xr?.isSessionSupported('immersive-vr').then(
      (ok) => live && setSupported(ok),
      () => live && setSupported(false),
    );
    return () => {
      live = false;
    };
  }, []);
  return supported;
}
