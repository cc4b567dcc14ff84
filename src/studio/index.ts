// The studio's public surface. The audience layer's alone for now: the shell (studio.html, main.tsx) adds its own beside it.
export * from './audience';
