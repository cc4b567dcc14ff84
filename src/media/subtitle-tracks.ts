import { type Cue, parseWebVtt } from '../story';

/** Loads WebVTT tracks once each; a track that fails to load shows nothing (the film goes on). */
export class SubtitleTracks {
  private readonly tracks = new Map<string, Promise<Cue[]>>();

  load(url: string): Promise<Cue[]> {
    let track = this.tracks.get(url);
    if (!track) {
      track = fetch(url)
        .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
        .then(parseWebVtt)
        .catch((error: unknown) => {
          console.warn(`media: subtitles ${url} could not be loaded: ${String(error)}`);
          return [];
        });
      this.tracks.set(url, track);
    }
    return track;
  }
}
