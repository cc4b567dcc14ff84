import { createRoot } from 'react-dom/client';
import { App, readKioskMode } from './app';
import { Kiosk } from './kiosk';
import { registerServedFont } from './media';

// Before the first render, so Chinese on the start screen already draws from the served font.
registerServedFont(document.baseURI);

const root = document.getElementById('root');
if (!root) throw new Error('sightline: index.html has no #root element');
// A kiosk (?mode=kiosk) is its own shell around the same player; everything else is the player.
const kiosk = readKioskMode(window.location.search);
createRoot(root).render(kiosk ? <Kiosk name={kiosk.kiosk} /> : <App />);
