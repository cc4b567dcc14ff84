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
  it('rejects what the browser would resolve to another path: escapes and control characters', () => {
    for (const bad of ['%2e%2e/x.webp', 'assets/%2E%2E/%2e%2e/x.ogg', '%252e%252e/x.glb', 'a%2fb.png', 'hall%20night.webp'])
      expect(assetPathProblem(bad), bad).toContain('"%"');
    expect(assetPathProblem('\t/\t/evil.example/x.glb')).toContain('U+0009 at position 1');
    expect(assetPathProblem('java\tscript:alert(1).png')).toContain('U+0009 at position 5');
    expect(assetPathProblem('assets/hall\n.webp')).toContain('U+000A');
    expect(assetPathProblem('assets/x\u0000.webp')).toContain('U+0000');
    expect(assetPathProblem('assets/x\u0085.webp')).toContain('U+0085');
    // Names outside ASCII are fine: the browser encodes them and the server decodes them back.
    expect(assetPathProblem('assets/大厅 夜.webp')).toBeNull();
  });
});
