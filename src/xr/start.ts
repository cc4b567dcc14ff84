// The XR layer's surface for the page's small entry (src/main.tsx), beside its index.ts.
export { type DeviceProfile, detectDeviceProfile } from './device-profile';
