export { EnterVRButton } from './EnterVRButton';
export { type PlayerXRStore, createPlayerXRStore, useXRSession } from './store';
export { type DeviceProfile, detectDeviceProfile, pickFrameRate } from './device-profile';
