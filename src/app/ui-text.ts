/** The player's own words, in the languages films are made in so far; English is the fallback. */
const TEXT = {
  en: {
    play: 'Play',
    language: 'Language',
    enterVR: 'Enter VR',
    lookAt: 'Look at',
    lookAtGroup: 'Things to look at',
    choices: 'Choices',
    clueFound: 'Clue found',
    theEnd: 'The end',
    hint: 'Look around. What you look at matters: rest your gaze on something to look closer.',
    errorTitle: 'This film cannot be played',
    errorLead: 'The story package has problems. Fix them and reload:',
    restoring: 'Restoring the picture…',
    mediaFailed: 'This scene’s image could not be loaded; the story goes on.',
    loading: 'Loading…',
  },
  'zh-CN': {
    play: '播放',
    language: '语言',
    enterVR: '进入 VR',
    lookAt: '看向',
    lookAtGroup: '可以看的东西',
    choices: '选项',
    clueFound: '发现线索',
    theEnd: '终',
    hint: '环顾四周。你所注视的东西很重要：把目光停留在某处，就能看得更仔细。',
    errorTitle: '无法播放这部影片',
    errorLead: '故事包有问题。修正后请重新加载：',
    restoring: '正在恢复画面……',
    mediaFailed: '本场景的图像无法加载；故事会继续。',
    loading: '加载中……',
  },
} as const;

export type UiText = { readonly [K in keyof (typeof TEXT)['en']]: string };

export function uiText(language: string): UiText {
  if (language in TEXT) return TEXT[language as keyof typeof TEXT];
  if (language.toLowerCase().startsWith('zh')) return TEXT['zh-CN'];
  return TEXT.en;
}
