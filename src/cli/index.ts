/** The sightline command, for other Node code (the film pipeline validates what it wrote). */
export { loadPackage, main, nodePackageFiles, run } from './main';
