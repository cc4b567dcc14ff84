import { useEffect, useState } from 'react';
import { type PlayerXRStore, useXRSession } from './store';

export interface EnterVRButtonProps {
  readonly store: PlayerXRStore;
  readonly label: string;
}

/** Shown only where an immersive VR session can be offered. */
export function EnterVRButton({ store, label }: EnterVRButtonProps) {
  const supported = useImmersiveVRSupport();
  const session = useXRSession(store);
  if (!supported || session) return null;
  return (
    <button type="button" className="enter-vr" onClick={() => void store.enterVR()}>
      {label}
    </button>
  );
}

function useImmersiveVRSupport(): boolean {
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
