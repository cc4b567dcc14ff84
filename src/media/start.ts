// The media layer's surface for the page's small entry (src/main.tsx), beside its index.ts: what
// runs before the player's code has arrived, from files that import nothing heavy (no three).
export { assetUrl, filmBaseUrl } from './asset-url';
export { dropEarlyPictures, startEarlyPicture } from './early-picture';
export { type GpuFacts, probeGpu } from './gpu-probe';
export { canDecodeAvif, sourceSupport } from './image-support';
export { registerServedFont } from './served-font';
export { type SourceChoice, pickSource } from './source-pick';
