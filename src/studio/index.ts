/**
 * The studio (a second page of the build, studio.html, never in the player's bundle): a live map of
 * a film, its diagnostics, a preview and, from other layers, what audiences did. Other layers reach
 * only its dev server plugin; the page itself starts at main.tsx.
 */
export { studioPackage } from './dev-server';
export { type PackagePayload, PACKAGE_EVENT, PACKAGE_URL } from './package-protocol';
