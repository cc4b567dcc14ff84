export { assetUrl, filmBaseUrl } from './asset-url';
export { type MediaEvent, type TextureLibraryOptions, type TextureState, TextureLibrary } from './texture-library';
export { type SourceChoice, type SourceSupport, pickSource, sourceFits } from './source-pick';
export {
  type Candidate,
  type TextureStorage,
  EXT_SPLAT_BYTES,
  PACKED_SPLAT_BYTES,
  decodedTextureBytes,
  estimateBytes,
  governMemory,
  splatBytes,
  textureBytes,
  videoBytes,
} from './memory-governor';
export { type MediaKind, type MediaPlan, type WantedMedia, MEDIA_KINDS, planMedia } from './media-budget';
export { SubtitleTracks } from './subtitle-tracks';
export { type VideoState, VideoLibrary } from './video-library';
export { type LoadedModel, type ModelLoader, type ModelLibraryOptions, type ModelState, ModelLibrary, UNDECLARED_MODEL_BYTES, createGLTFModelLoader, disposeModel, modelBytes } from './model-library';
export { type SparkModule, type SplatState, SplatLibrary, loadSpark, sparkIfLoaded } from './splat-library';
export { NarrationLibrary } from './narration-library';
export { type SoundLevel, SoundOutput } from './sound-output';
export { SERVED_FONT_FAMILY, fontStack, registerServedFont } from './served-font';
