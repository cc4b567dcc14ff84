export { assetUrl, filmBaseUrl } from './asset-url';
export { type TextureState, TextureLibrary } from './texture-library';
export { SubtitleTracks } from './subtitle-tracks';
export { type VideoState, VideoLibrary } from './video-library';
export { NarrationLibrary, type SoundOutput } from './narration-library';
export { SERVED_FONT_FAMILY, fontStack, registerServedFont } from './served-font';
