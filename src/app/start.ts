// The app layer's surface for the page's small entry (src/main.tsx), beside its index.ts: what
// starts the film's requests before the player's code (src/mount.tsx) has arrived.
export { startFirstPicture } from './first-picture';
export { readKioskMode, readPlayerParams } from './params';
export { prefetchFilm } from './story-prefetch';
export { webglAvailable } from './webgl-support';
