// The page's entry, kept small on purpose: it reaches the layers only through their start.ts
// (no React, no three, no zod), so it runs as soon as it arrives, while the player's own code
// (`./mount`, preloaded by index.html) is still arriving and compiling. What it starts, the player
// takes over.
import { prefetchFilm, readKioskMode, readPlayerParams, startFirstPicture, webglAvailable } from './app/start';
import { canDecodeAvif, registerServedFont } from './media/start';

// A kiosk (?mode=kiosk) is its own shell around the same player; everything else is the player.
const kiosk = readKioskMode(window.location.search);
// The film's story.json is on its way (asked for by index.html's boot script); the first picture
// is fetched and decoded as soon as the story names it, its source chosen from the GPU's facts
// (the page's WebGL probe, which also says whether the page can play at all) and the AVIF probe.
if (!kiosk) {
  const params = readPlayerParams(window.location.search);
  void startFirstPicture(prefetchFilm(params.film, document.baseURI), params, document.baseURI);
}
webglAvailable();
void canDecodeAvif();

// Before the first render, so Chinese on the start screen already draws from the served font.
registerServedFont(document.baseURI);

const root = document.getElementById('root');
if (!root) throw new Error('sightline: index.html has no #root element');
import('./mount').then(
  ({ mount }) => mount(root, kiosk),
  (error: unknown) => {
    // The player's code did not arrive (the connection dropped mid-load): say so, never a blank page.
    console.error('sightline: the player could not be loaded', error);
    root.textContent = 'Sightline could not load the player. Check the connection and reload the page.';
  },
);
