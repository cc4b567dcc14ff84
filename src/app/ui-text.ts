/** The player's own words, in the languages films are made in so far; English is the fallback. */
const TEXT = {
  en: {
    play: 'Play',
    language: 'Language',
    enterVR: 'Enter VR',
    exitVR: 'Exit VR',
    lookAt: 'Look at',
    lookAtGroup: 'Things to look at',
    choices: 'Choices',
    clueFound: 'Clue found',
    theEnd: 'The end',
    hint: 'Look around. What you look at matters: rest your gaze on something to look closer.',
    errorTitle: 'This film cannot be played',
    errorLead: 'The story package has problems. Fix them and reload:',
    restoring: 'Restoring the picture…',
    mediaFailed: 'This scene’s picture could not be shown; the story goes on.',
    loading: 'Loading…',
    timeLeft: 'Time to choose',
    subtitles: 'Subtitles',
    subtitleSize: 'Subtitle size',
    sizeSmall: 'Small',
    sizeMedium: 'Medium',
    sizeLarge: 'Large',
    mute: 'Mute',
    unmute: 'Unmute',
    volume: 'Volume',
    volumeDown: 'Volume −',
    volumeUp: 'Volume +',
    fullscreen: 'Fullscreen',
    exitFullscreen: 'Exit fullscreen',
    moveToLook: 'Move your phone to look around',
    pause: 'Pause',
    resume: 'Resume',
    edition: 'Edition',
    choiceTime: 'Time to choose',
    choiceTimeNormal: 'Normal',
    choiceTimeLonger: 'Longer',
    choiceTimeOff: 'No time limit',
    resumeQuestion: 'Continue where you left off, or start over?',
    continue: 'Continue',
    startOver: 'Start over',
    staleSave: 'Your saved place could not be restored, so the film starts from the beginning:',
    credits: 'Credits',
    endingsFound: 'Endings found',
    watchAgain: 'Watch again',
    findAnother: 'Find another ending',
    editionWatched: 'Edition',
    subtitlesOn: 'Subtitles: on',
    subtitlesOff: 'Subtitles: off',
    thisLanguage: 'English',
    /** Between a setting's name and its value ("Language: English"). */
    labelSeparator: ': ',
  },
  'zh-CN': {
    play: '播放',
    language: '语言',
    enterVR: '进入 VR',
    exitVR: '退出 VR',
    lookAt: '看向',
    lookAtGroup: '可以看的东西',
    choices: '选项',
    clueFound: '发现线索',
    theEnd: '终',
    hint: '环顾四周。你所注视的东西很重要：把目光停留在某处，就能看得更仔细。',
    errorTitle: '无法播放这部影片',
    errorLead: '故事包有问题。修正后请重新加载：',
    restoring: '正在恢复画面……',
    mediaFailed: '本场景的画面无法显示；故事会继续。',
    loading: '加载中……',
    timeLeft: '剩余选择时间',
    subtitles: '字幕',
    subtitleSize: '字幕大小',
    sizeSmall: '小',
    sizeMedium: '中',
    sizeLarge: '大',
    mute: '静音',
    unmute: '取消静音',
    volume: '音量',
    volumeDown: '音量 −',
    volumeUp: '音量 +',
    fullscreen: '全屏',
    exitFullscreen: '退出全屏',
    moveToLook: '移动手机环顾四周',
    pause: '暂停',
    resume: '继续',
    edition: '版本',
    choiceTime: '选择时间',
    choiceTimeNormal: '正常',
    choiceTimeLonger: '更长',
    choiceTimeOff: '不限时',
    resumeQuestion: '从上次离开的地方继续，还是重新开始？',
    continue: '继续观看',
    startOver: '重新开始',
    staleSave: '无法恢复你保存的进度，影片将从头开始：',
    credits: '演职人员',
    endingsFound: '已发现的结局',
    watchAgain: '再看一遍',
    findAnother: '寻找另一个结局',
    editionWatched: '版本',
    subtitlesOn: '字幕：开',
    subtitlesOff: '字幕：关',
    thisLanguage: '简体中文',
    labelSeparator: '：',
  },
} as const;

export type UiText = { readonly [K in keyof (typeof TEXT)['en']]: string };

export function uiText(language: string): UiText {
  if (language in TEXT) return TEXT[language as keyof typeof TEXT];
  if (language.toLowerCase().startsWith('zh')) return TEXT['zh-CN'];
  return TEXT.en;
}

/** A language's name in that language (the film's languages are listed in their own words). */
export function languageName(language: string): string {
  if (language in TEXT) return TEXT[language as keyof typeof TEXT].thisLanguage;
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  } catch {
    return language; // Not a tag this browser knows: the tag itself.
  }
}
