/**
 * The studio (a second page of the build, studio.html, never in the player's bundle): a live map of
 * a film, its diagnostics, a preview and what audiences did (the audience layer). Other layers reach
 * its dev server plugin and the audience layer's pure parts; the page itself starts at main.tsx.
 */
export { studioPackage } from './dev-server';
export { type PackagePayload, PACKAGE_EVENT, PACKAGE_URL } from './package-protocol';
export * from './audience';
