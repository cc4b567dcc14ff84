// The story layer's surface for the page's small entry (src/main.tsx), beside its index.ts: what
// runs before the player's code has arrived, from files that import nothing else (no zod, no xstate).
export { assetPathProblem } from './asset-path';
export { type FileSignature, checkFileSignature } from './file-signature';
