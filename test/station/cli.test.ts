import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { jsonShapeProblem } from '../../src/station/json-guard';
import { KioskFileError, loadKiosks } from '../../src/station/kiosks';
import { PASSWORD_FILE, createOperatorCheck, operatorPassword } from '../../src/station/operator';
import { TOKENS, basic, fakeDist } from './harness';

const scratch = mkdtempSync(join(tmpdir(), 'sightline-station-cli-'));
const { dist, root } = fakeDist();
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

async function serve(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['serve', ...args], (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

describe('sightline serve, before it listens', () => {
  it('explains itself', async () => {
    const { code, out } = await serve('--help');
    expect(code).toBe(0);
    expect(out).toContain('Usage: sightline serve [dist]');
    let usage = '';
    await main([], () => {}, (s) => (usage += s));
    expect(usage).toContain('serve [dist] [options]');
  });

  it.each([
    [['--port', 'eighty', dist], '--port eighty is not a port'],
    [[dist, '--cert', 'a.pem'], '--cert and --key go together'],
    [[join(scratch, 'no-build')], 'no index.html'],
    [[dist, dist], 'one folder to serve at most'],
    [[dist, '--colour'], "Unknown option '--colour'"],
  ])('%j: usage error', async (args, message) => {
    const { code, err } = await serve(...args);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('refuses to start with a broken kiosk file, naming it', async () => {
    const broken = fakeDist();
    writeFileSync(join(broken.dist, 'kiosk-3.json'), JSON.stringify({ format: 'sightline-kiosk/1', id: 'foyer 3' }));
    try {
      const { code, err } = await serve(broken.dist, '--data', join(scratch, 'data-broken'));
      expect(code).toBe(1);
      expect(err).toContain('kiosk-3.json');
    } finally {
      rmSync(broken.root, { recursive: true, force: true });
    }
  });
});

describe('kiosks and their tokens', () => {
  it('learns kiosk.json and kiosk-*.json of the served folder, and a --kiosks list', () => {
    const file = join(scratch, 'more-kiosks.json');
    writeFileSync(file, JSON.stringify([{ id: 'online-1', token: 'token-of-online-one-12345' }]));
    const kiosks = loadKiosks({ dist, file });
    expect(kiosks.ids).toEqual(['foyer-1', 'foyer-2', 'online-1']);
    expect(kiosks.kioskOf(TOKENS['foyer-2'])).toBe('foyer-2');
    expect(kiosks.kioskOf('token-of-online-one-12345')).toBe('online-1');
    expect(kiosks.kioskOf('token-of-nobody-123456789')).toBeNull();
    expect(kiosks.kioskOf('')).toBeNull();
  });

  it('one token for two kiosks stops the station', () => {
    const file = join(scratch, 'shared-token.json');
    writeFileSync(file, JSON.stringify([{ id: 'online-2', token: TOKENS['foyer-1'] }]));
    expect(() => loadKiosks({ dist, file })).toThrow(KioskFileError);
    expect(() => loadKiosks({ dist, file })).toThrow(/"foyer-1" and "online-2" have the same token/);
  });

  it('a --kiosks entry with a short token is an error', () => {
    const file = join(scratch, 'short-token.json');
    writeFileSync(file, JSON.stringify([{ id: 'online-3', token: 'short' }]));
    expect(() => loadKiosks({ file })).toThrow(KioskFileError);
  });
});

describe('the operator password', () => {
  it('is generated once into the data folder, readable by its owner only, and used again', () => {
    const dataDir = join(scratch, 'data-password');
    const first = operatorPassword({ dataDir });
    expect(first.generated).toBe(true);
    expect(first.password).toMatch(/^[a-z2-9-]{30,}$/);
    expect(statSync(join(dataDir, PASSWORD_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, PASSWORD_FILE), 'utf8').trim()).toBe(first.password);
    expect(operatorPassword({ dataDir })).toEqual({ password: first.password, generated: false });
    expect(operatorPassword({ dataDir, env: 'from-env' }).password).toBe('from-env');
    expect(operatorPassword({ dataDir, given: 'given', env: 'from-env' }).password).toBe('given');
  });

  it('is checked as HTTP Basic, whatever the user name', () => {
    const check = createOperatorCheck('pa:ss word');
    expect(check(basic('pa:ss word'))).toBe(true);
    expect(check(`Basic ${Buffer.from('anyone:pa:ss word').toString('base64')}`)).toBe(true);
    for (const header of [undefined, '', basic('pa:ss'), 'Bearer pa:ss word', `Basic ${Buffer.from('pa:ss word').toString('base64')}`, 'Basic @@@'])
      expect(check(header), String(header)).toBe(false);
  });
});

describe('the shape check before parsing', () => {
  const limits = { depth: 3, containers: 5 };
  it.each([
    ['{"a":[1,[2]]}', null],
    ['{"a":"[[[[[[[[[["}', null],
    ['{"a":"\\"[[[[[["}', null],
    ['[[[[1]]]]', 'nested more than 3 deep'],
    ['[[],[],[],[],[],[]]', 'more than 5 arrays and objects'],
    ['{"__proto__":{}}', 'a "__proto__" key'],
    ['{"a" : {"__proto__" :1}}', 'a "__proto__" key'],
    ['{"\\u005f_proto__":1}', 'a "__proto__" key'],
    ['{"a":"__proto__"}', null],
    ['["__proto__", 1]', null],
  ])('%s', (text, problem) => {
    expect(jsonShapeProblem(text, limits)).toBe(problem);
  });
});
