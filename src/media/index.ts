export { assetUrl, filmBaseUrl } from './asset-url';
export { type TextureState, TextureLibrary } from './texture-library';
export { SubtitleTracks } from './subtitle-tracks';
export { type VideoState, VideoLibrary } from './video-library';
