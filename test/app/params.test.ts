import { describe, expect, it } from 'vitest';
import { readKioskMode } from '../../src/app/params';

describe('kiosk mode in the address', () => {
  it.each([
    ['?mode=kiosk', { kiosk: null }],
    ['?mode=kiosk&kiosk=foyer-2', { kiosk: 'foyer-2' }],
    ['?kiosk=foyer&mode=kiosk&film=hello', { kiosk: 'foyer' }],
    ['?mode=kiosk&kiosk=', { kiosk: null }],
    ['?kiosk=foyer', null],
    ['?mode=player', null],
    ['', null],
  ])('%s reads as %j', (search, mode) => {
    expect(readKioskMode(search)).toEqual(mode);
  });
});
