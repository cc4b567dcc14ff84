export { EnterVRButton } from './EnterVRButton';
export { type PlayerXRStore, createPlayerXRStore, useXRSession } from './store';
