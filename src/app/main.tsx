import { createRoot } from 'react-dom/client';
import { registerServedFont } from '../media';
import { App } from './App';
import { OfflineKiosk } from './OfflineKiosk';
import { readKioskMode } from './params';
import './styles.css';

// Before the first render, so Chinese on the start screen already draws from the served font.
registerServedFont(document.baseURI);

const root = document.getElementById('root');
if (!root) throw new Error('app: index.html has no #root element');
const kiosk = readKioskMode(window.location.search);
createRoot(root).render(kiosk ? <OfflineKiosk name={kiosk.kiosk} /> : <App />);
