export { assetUrl, filmBaseUrl } from './asset-url';
export { type TextureState, TextureLibrary } from './texture-library';
export { SubtitleTracks } from './subtitle-tracks';
export { type VideoState, VideoLibrary } from './video-library';
export { type LoadedModel, type ModelLoader, type ModelLibraryOptions, type ModelState, ModelLibrary, createGLTFModelLoader, disposeModel } from './model-library';
export { type SparkModule, type SplatState, SplatLibrary, loadSpark, sparkIfLoaded } from './splat-library';
