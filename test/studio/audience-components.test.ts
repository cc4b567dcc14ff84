import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { gazeGrid } from '../../src/records';
import { AudiencePanel, GazeHeatmap } from '../../src/studio/audience';

// The components' first render, without a browser: what they offer before any records arrive.
describe('the audience components, first render', () => {
  it('the panel offers files, drops and a station, with empty totals', () => {
    const html = renderToStaticMarkup(createElement(AudiencePanel, { film: 'hello', onAudience: () => {}, stationOrigin: 'https://station.local' }));
    expect(html).toContain('type="file"');
    expect(html).toContain('multiple');
    expect(html).toContain('value="https://station.local"');
    expect(html).toContain('type="password"');
    expect(html).toMatch(/<dt>Viewings<\/dt><dd>0<\/dd>/);
    expect(html).toMatch(/<dt>Mean length<\/dt><dd>–<\/dd>/);
  });

  it('the heatmap names its sample count and draws on a 2:1 canvas', () => {
    const html = renderToStaticMarkup(createElement(GazeHeatmap, { grid: gazeGrid([[0, 10, 10], [250, 12, 10]]), image: null, width: 256 }));
    expect(html).toContain('width="256" height="128"');
    expect(html).toContain('data-samples="2"');
    expect(html).toContain('2 gaze samples (about 1 s of looking)');
    expect(renderToStaticMarkup(createElement(GazeHeatmap, { grid: gazeGrid([]), image: null }))).toContain('No gaze samples for this scene.');
  });
});
