/** The station (`sightline serve`): Node only, loaded by the command line when it is asked for. */
export { SERVE_USAGE, serve } from './serve';
