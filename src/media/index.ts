export { assetUrl, filmBaseUrl } from './asset-url';
export { type MediaEvent, type TextureLibraryOptions, type TextureState, type WantedPicture, TextureLibrary } from './texture-library';
export { type SourceChoice, type SourceSupport, pickSource, sourceFits } from './source-pick';
export { type Candidate, type TextureStorage, estimateBytes, governMemory, textureBytes } from './memory-governor';
export { SubtitleTracks } from './subtitle-tracks';
export { type VideoState, VideoLibrary } from './video-library';
export { type LoadedModel, type ModelLoader, type ModelLibraryOptions, type ModelState, ModelLibrary, createGLTFModelLoader, disposeModel } from './model-library';
export { type SparkModule, type SplatState, SplatLibrary, loadSpark, sparkIfLoaded } from './splat-library';
