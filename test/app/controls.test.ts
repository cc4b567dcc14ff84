import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { type Mock, describe, expect, it, vi } from 'vitest';
import { ControlsBar } from '../../src/app/ControlsBar';
import { type PlayerControl, type PlayerControlsActions, type PlayerControlsState, nextOption, playerControls } from '../../src/app/controls';
import { headsetMenu } from '../../src/app/headset-menu';
import { uiText } from '../../src/story';

const STATE: PlayerControlsState = {
  paused: false,
  silent: false,
  volume: 0.8,
  subtitles: true,
  sceneHasSubtitles: true,
  subtitleSize: 'medium',
  language: 'en',
  languages: ['en', 'zh-CN'],
  immersive: false,
  canExitVR: true,
  canEnterVR: true,
  magicWindow: null,
  fullscreen: false,
};

type Spy = Mock<(...args: any[]) => void>;

function actions(): Record<keyof PlayerControlsActions, Spy> {
  const spy = () => vi.fn<(...args: any[]) => void>();
  return {
    togglePause: spy(),
    toggleMute: spy(),
    setVolume: spy(),
    setSubtitles: spy(),
    setSubtitleSize: spy(),
    setLanguage: spy(),
    toggleMagicWindow: spy(),
    toggleFullscreen: spy(),
    enterVR: spy(),
    exitVR: spy(),
  };
}

const controls = (change: Partial<PlayerControlsState> = {}, language = change.language ?? 'en', act = actions()) =>
  playerControls({ ...STATE, ...change }, act, uiText(language));

function control<K extends PlayerControl['kind']>(list: readonly PlayerControl[], id: string, kind: K): Extract<PlayerControl, { kind: K }> {
  const found = list.find((c) => c.id === id);
  if (!found || found.kind !== kind) throw new Error(`no ${kind} control "${id}" in ${list.map((c) => c.id).join(', ')}`);
  return found as Extract<PlayerControl, { kind: K }>;
}

describe('the player controls list', () => {
  it('names every control in the viewer’s language, in the headset menu’s order', () => {
    expect(controls().map((c) => [c.id, c.label])).toEqual([
      ['exit-vr', 'Exit VR'],
      ['pause', 'Pause'],
      ['mute', 'Mute'],
      ['volume', 'Volume'],
      ['subtitles', 'Subtitles'],
      ['subtitle-size', 'Subtitle size'],
      ['language', 'Language'],
      ['fullscreen', 'Fullscreen'],
      ['enter-vr', 'Enter VR'],
    ]);
    expect(controls({ language: 'zh-CN' }).map((c) => c.label)).toEqual(['退出 VR', '暂停', '静音', '音量', '字幕', '字幕大小', '语言', '全屏', '进入 VR']);
  });

  it('says each control’s state in words, with the language’s own colon', () => {
    expect(controls().map((c) => c.readout)).toEqual([
      'Exit VR',
      'Pause',
      'Mute · 80%',
      'Volume: 80%',
      'Subtitles: on',
      'Subtitle size: Medium',
      'Language: English',
      'Fullscreen',
      'Enter VR',
    ]);
    const zh = controls({ language: 'zh-CN', silent: true, subtitles: false, subtitleSize: 'large', paused: true });
    expect(zh.map((c) => c.readout)).toEqual(['退出 VR', '继续', '取消静音', '音量：80%', '字幕：关', '字幕大小：大', '语言：简体中文', '全屏', '进入 VR']);
  });

  it('shows pause, mute and subtitles as pressed or not, and a paused film’s button as Resume', () => {
    const playing = controls();
    expect(control(playing, 'pause', 'toggle')).toMatchObject({ pressed: false, label: 'Pause' });
    expect(control(playing, 'mute', 'toggle').pressed).toBe(false);
    expect(control(playing, 'subtitles', 'toggle').pressed).toBe(true);
    const paused = controls({ paused: true, silent: true, subtitles: false });
    expect(control(paused, 'pause', 'toggle')).toMatchObject({ pressed: true, label: 'Resume' });
    expect(control(paused, 'mute', 'toggle')).toMatchObject({ pressed: true, readout: 'Unmute' });
    expect(control(paused, 'subtitles', 'toggle')).toMatchObject({ pressed: false, readout: 'Subtitles: off' });
  });

  it('gives the volume as a level on the step grid, and the selects their options', () => {
    expect(control(controls({ volume: 0.3 }), 'volume', 'range')).toMatchObject({ value: 0.3, step: 0.1, valueText: '30%', lower: 'Volume −', higher: 'Volume +' });
    expect(control(controls(), 'language', 'select')).toMatchObject({
      value: 'en',
      options: [
        { value: 'en', label: 'English' },
        { value: 'zh-CN', label: '简体中文' },
      ],
    });
    expect(control(controls({ language: 'zh-CN', subtitleSize: 'small' }), 'subtitle-size', 'select')).toMatchObject({
      value: 'small',
      options: [
        { value: 'small', label: '小' },
        { value: 'medium', label: '中' },
        { value: 'large', label: '大' },
      ],
    });
  });

  it('leaves out what the film or device can never use, and marks what does nothing now', () => {
    const ids = (list: readonly PlayerControl[]) => list.map((c) => c.id);
    expect(ids(controls({ languages: ['en'], canEnterVR: false, fullscreen: null }))).toEqual(['exit-vr', 'pause', 'mute', 'volume', 'subtitles', 'subtitle-size']);
    expect(ids(controls({ magicWindow: false }))).toContain('magic-window');
    const relevant = (list: readonly PlayerControl[]) => ids(list.filter((c) => c.relevant));
    expect(relevant(controls({ sceneHasSubtitles: false, magicWindow: false }))).toEqual(['pause', 'mute', 'volume', 'subtitle-size', 'language', 'magic-window', 'fullscreen', 'enter-vr']);
    expect(relevant(controls({ immersive: true, magicWindow: false }))).toEqual(['exit-vr', 'pause', 'mute', 'volume', 'subtitles', 'subtitle-size', 'language', 'fullscreen']);
    // A kiosk's headset has no way out of the session.
    expect(controls({ immersive: true, canExitVR: false }).map((c) => c.id)).not.toContain('exit-vr');
    expect(control(controls({ fullscreen: true }), 'fullscreen', 'toggle')).toMatchObject({ pressed: true, label: 'Exit fullscreen' });
  });

  it('does what each control says', () => {
    const act = actions();
    const list = controls({ subtitles: true, magicWindow: false }, 'en', act);
    control(list, 'pause', 'toggle').toggle();
    control(list, 'mute', 'toggle').toggle();
    control(list, 'volume', 'range').set(0.5);
    control(list, 'subtitles', 'toggle').toggle();
    control(list, 'subtitle-size', 'select').select('large');
    control(list, 'language', 'select').select('zh-CN');
    control(list, 'magic-window', 'toggle').toggle();
    control(list, 'fullscreen', 'toggle').toggle();
    control(list, 'enter-vr', 'action').run();
    control(list, 'exit-vr', 'action').run();
    expect(act.togglePause).toHaveBeenCalledTimes(1);
    expect(act.toggleMute).toHaveBeenCalledTimes(1);
    expect(act.setVolume).toHaveBeenCalledWith(0.5);
    expect(act.setSubtitles).toHaveBeenCalledWith(false);
    expect(act.setSubtitleSize).toHaveBeenCalledWith('large');
    expect(act.setLanguage).toHaveBeenCalledWith('zh-CN');
    expect(act.toggleMagicWindow).toHaveBeenCalledTimes(1);
    expect(act.toggleFullscreen).toHaveBeenCalledTimes(1);
    expect(act.enterVR).toHaveBeenCalledTimes(1);
    expect(act.exitVR).toHaveBeenCalledTimes(1);
    // Subtitles switched off are switched on.
    control(controls({ subtitles: false }, 'en', act), 'subtitles', 'toggle').toggle();
    expect(act.setSubtitles).toHaveBeenLastCalledWith(true);
    // A subtitle size that is not one is never passed on.
    control(list, 'subtitle-size', 'select').select('huge');
    expect(act.setSubtitleSize).toHaveBeenLastCalledWith('medium');
  });

  it('steps a select to its next value, round to the first', () => {
    expect(nextOption(control(controls({ subtitleSize: 'medium' }), 'subtitle-size', 'select'))).toBe('large');
    expect(nextOption(control(controls({ subtitleSize: 'large' }), 'subtitle-size', 'select'))).toBe('small');
    expect(nextOption(control(controls({ language: 'zh-CN' }), 'language', 'select'))).toBe('en');
  });
});

describe('the headset menu', () => {
  it('has the buttons in their places, each saying its state', () => {
    expect(headsetMenu(controls()).map((b) => [b.id, b.label])).toEqual([
      ['exit-vr', 'Exit VR'],
      ['pause', 'Pause'],
      ['mute', 'Mute · 80%'],
      ['volume-down', 'Volume −'],
      ['volume-up', 'Volume +'],
      ['subtitles', 'Subtitles: on'],
      ['subtitle-size', 'Subtitle size: Medium'],
      ['language', 'Language: English'],
    ]);
    expect(headsetMenu(controls({ language: 'zh-CN', silent: true, paused: true })).map((b) => b.label)).toEqual([
      '退出 VR',
      '继续',
      '取消静音',
      '音量 −',
      '音量 +',
      '字幕：开',
      '字幕大小：中',
      '语言：简体中文',
    ]);
  });

  it('keeps the subtitles button where the scene has none, and has no language button in a film of one language', () => {
    expect(headsetMenu(controls({ sceneHasSubtitles: false })).map((b) => b.id)).toContain('subtitles');
    expect(headsetMenu(controls({ languages: ['en'] })).map((b) => b.id)).toEqual(['exit-vr', 'pause', 'mute', 'volume-down', 'volume-up', 'subtitles', 'subtitle-size']);
  });

  it('steps the volume, toggles, and steps through the subtitle sizes and languages', () => {
    const act = actions();
    const menu = headsetMenu(controls({ volume: 0.8, subtitleSize: 'large', language: 'zh-CN' }, 'zh-CN', act));
    const press = (id: string) => menu.find((b) => b.id === id)!.onSelect();
    press('volume-down');
    expect(act.setVolume.mock.lastCall?.[0]).toBeCloseTo(0.7, 10);
    press('volume-up');
    expect(act.setVolume.mock.lastCall?.[0]).toBeCloseTo(0.9, 10);
    press('subtitle-size');
    expect(act.setSubtitleSize).toHaveBeenLastCalledWith('small');
    press('language');
    expect(act.setLanguage).toHaveBeenLastCalledWith('en');
    press('mute');
    press('pause');
    press('exit-vr');
    expect([act.toggleMute, act.togglePause, act.exitVR].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
    expect(act.enterVR).not.toHaveBeenCalled();
  });
});

describe('the screen controls bar', () => {
  const bar = (change: Partial<PlayerControlsState> = {}) => renderToStaticMarkup(createElement(ControlsBar, { controls: controls(change) }));

  it('renders the same page as before the list: sound group, subtitles, language, pause, fullscreen, Enter VR', () => {
    expect(bar()).toBe(
      '<div class="controls">' +
        '<div class="sound-controls" role="group" aria-label="Volume">' +
        '<button type="button" class="mute" aria-pressed="false">Mute</button>' +
        '<label class="volume"><span class="visually-hidden">Volume</span><input type="range" min="0" max="100" step="10" aria-valuetext="80%" value="80"/></label>' +
        '</div>' +
        '<button type="button" class="subtitles-toggle" aria-pressed="true">Subtitles</button>' +
        '<select class="language" aria-label="Language"><option value="en" selected="">English</option><option value="zh-CN">简体中文</option></select>' +
        '<button type="button" class="pause" aria-pressed="false">Pause</button>' +
        '<button type="button" class="fullscreen" aria-pressed="false">Fullscreen</button>' +
        '<button type="button" class="enter-vr">Enter VR</button>' +
        '</div>',
    );
  });

  it('leaves out what does nothing now, and shows the phone’s movement toggle where there is one', () => {
    const html = bar({ sceneHasSubtitles: false, immersive: true, magicWindow: false, fullscreen: null, paused: true, silent: true });
    expect(html).not.toContain('subtitles-toggle');
    expect(html).not.toContain('enter-vr');
    expect(html).not.toContain('magic-window');
    expect(html).not.toContain('Exit VR');
    expect(html).not.toContain('Subtitle size');
    expect(html).toContain('<button type="button" class="mute" aria-pressed="true">Mute</button>');
    expect(html).toContain('<button type="button" class="pause" aria-pressed="true">Resume</button>');
    expect(bar({ magicWindow: true })).toContain(
      '<button type="button" class="pause" aria-pressed="false">Pause</button><button type="button" class="magic-window" aria-pressed="true">Move your phone to look around</button><button type="button" class="fullscreen"',
    );
  });
});
