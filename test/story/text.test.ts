import { describe, expect, it } from 'vitest';
import { assetPathProblem, localize, pickLanguage } from '../../src/story';

describe('localized text', () => {
  const languages = ['en', 'zh-CN'];
  it('picks the language, then falls back to the first film language', () => {
    expect(localize({ en: 'Hall', 'zh-CN': '大厅' }, 'zh-CN', languages)).toBe('大厅');
    expect(localize({ en: 'Hall' }, 'zh-CN', languages)).toBe('Hall');
    expect(localize('Hall', 'zh-CN', languages)).toBe('Hall');
  });
  it('chooses the requested, then the browser, then the first language', () => {
    expect(pickLanguage('zh-CN', ['en-US'], languages)).toBe('zh-CN');
    expect(pickLanguage(null, ['zh-Hans-CN', 'en'], languages)).toBe('zh-CN');
    expect(pickLanguage(null, ['en-GB'], languages)).toBe('en');
    expect(pickLanguage('fr', ['de'], languages)).toBe('en');
  });
});

describe('asset paths', () => {
  it('accepts files inside the package', () => {
    expect(assetPathProblem('assets/hall.webp')).toBeNull();
    expect(assetPathProblem('hall.webp')).toBeNull();
  });
  it('rejects anything that could leave it', () => {
    for (const bad of ['', '../x.png', 'a/../../x.png', '/x.png', '\\x.png', 'a\\x.png', 'http://x/y.png', 'data:image/png;base64,', 'file:///etc/passwd', './x.png', 'a//b.png', 'x.png?v=1'])
      expect(assetPathProblem(bad), bad).not.toBeNull();
  });
});
