import './no-eval';
import { createRoot } from 'react-dom/client';
import { registerServedFont } from '../media';
import { App } from './App';
import './styles.css';

// Before the first render, so Chinese on the start screen already draws from the served font.
registerServedFont(document.baseURI);

const root = document.getElementById('root');
if (!root) throw new Error('app: index.html has no #root element');
createRoot(root).render(<App />);
