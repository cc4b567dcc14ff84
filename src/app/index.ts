// First: zod is told to parse without eval before anything defines a schema (no-eval.ts).
import './no-eval';
import './styles.css';

export { AiLabel } from './AiLabel';
export { App } from './App';
export type { AppStatus } from './app-status';
export { ControlsBar } from './ControlsBar';
export { ErrorScreen } from './ErrorScreen';
export { NoWebGLScreen } from './NoWebGLScreen';
export { webglAvailable } from './webgl-support';
export { type LoadedFilm, loadFilm, textHash } from './load-film';
export { type PlayerControl, playerControls } from './controls';
export { Player, type PlayerProps } from './Player';
export { type PlayerHost, PlayerFrame, usePlayerHost } from './player-host';
export { type PlayerParams, readKioskMode, readPlayerParams } from './params';
export { type ViewerSettings, readSettings, writeSettings } from './settings';
export { browserStorage } from './storage';
export { testHooks } from './test-hooks';
export { type Viewing } from './viewing';
