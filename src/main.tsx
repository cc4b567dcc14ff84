import { createRoot } from 'react-dom/client';
import { App, prefetchFilm, readKioskMode, readPlayerParams, webglAvailable } from './app';
import { Kiosk } from './kiosk';
import { canDecodeAvif, registerServedFont } from './media';

// A kiosk (?mode=kiosk) is its own shell around the same player; everything else is the player.
const kiosk = readKioskMode(window.location.search);
// Started before React runs, so none of it waits for the first render: the film's story.json is
// on its way, the page learns the GPU's facts (which source the first picture takes), and the AVIF
// probe decodes while the story is read.
if (!kiosk) prefetchFilm(readPlayerParams(window.location.search).film, document.baseURI);
webglAvailable();
void canDecodeAvif();

// Before the first render, so Chinese on the start screen already draws from the served font.
registerServedFont(document.baseURI);

const root = document.getElementById('root');
if (!root) throw new Error('sightline: index.html has no #root element');
createRoot(root).render(kiosk ? <Kiosk name={kiosk.kiosk} /> : <App />);
