export { assetUrl, filmBaseUrl } from './asset-url';
export { type GpuFacts, probeGpu } from './gpu-probe';
export { canDecodeAvif, sourceSupport } from './image-support';
export { dropEarlyPictures, startEarlyPicture } from './early-picture';
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
export { type MediaKept, type MediaKind, type MediaPlan, type WantedMedia, MEDIA_KINDS, planMedia } from './media-budget';
export { type MediaFailure, type MediaLibrary, type MediaStatus } from './media-library';
export { type MediaLibraries, type MediaLibrariesOptions, createMediaLibraries } from './media-libraries';
export { type MediaStates, type SceneMediaPlan, type SceneMediaRequest, planSceneMedia } from './scene-media-plan';
export { ambienceOf, narrationUrl } from './scene-sound';
export { SubtitleTracks } from './subtitle-tracks';
export { type VideoState, VideoLibrary } from './video-library';
export { type LoadedModel, type ModelLoader, type ModelLibraryOptions, type ModelState, ModelLibrary, UNDECLARED_MODEL_BYTES, createGLTFModelLoader, disposeModel, modelBytes } from './model-library';
export { type SparkModule, type SplatState, SplatLibrary, loadSpark, sparkIfLoaded } from './splat-library';
export { NarrationLibrary, UNDECLARED_NARRATION_BYTES } from './narration-library';
export { AmbienceLibrary, UNDECLARED_AMBIENCE_BYTES } from './ambience-library';
export { type SoundLevel, SoundOutput } from './sound-output';
export { SERVED_FONT_FAMILY, fontStack, registerServedFont } from './served-font';
