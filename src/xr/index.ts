export { useImmersiveVRSupport } from './use-vr-support';
export { type PlayerXRStore, createPlayerXRStore, useXRSession } from './store';
export { type DeviceProfile, detectDeviceProfile, pickFrameRate } from './device-profile';
export {
  type FloorPoint,
  SNAP_TURN_DEG,
  SQUEEZE_PRESSED,
  createFlickDetector,
  createLongPress,
  gazeAlignedRigYaw,
  recenterRigYaw,
  rigOriginFor,
  rotateByRig,
} from './comfort';
