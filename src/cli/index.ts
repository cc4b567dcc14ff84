/** The sightline command, for other Node code (the film pipeline validates what it wrote). */
export { main, nodePackageFiles, run } from './main';
