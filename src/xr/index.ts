export { useImmersiveVRSupport } from './use-vr-support';
export { type PlayerXRStore, createPlayerXRStore, useXRSession } from './store';
export { type DeviceProfile, detectDeviceProfile, pickFrameRate } from './device-profile';
