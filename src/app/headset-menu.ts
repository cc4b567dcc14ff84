import type { XRMenuButton } from '../stage';
import { type ControlId, type PlayerControl, controlsIn, nextOption } from './controls';

/**
 * The headset menu's controls, in order. Each keeps its place whether or not it does anything now
 * (a viewer finds a button in 3D by where it was), so `relevant` does not hide one here.
 */
export const HEADSET_MENU: readonly ControlId[] = ['exit-vr', 'pause', 'mute', 'volume', 'subtitles', 'subtitle-size', 'language'];

/**
 * The controls as the headset menu's buttons. A 3D button has no pressed look, so each says its
 * control's state in words (`readout`); a level is two buttons, a step down and a step up; a select
 * is one button that steps through its values.
 */
export function headsetMenu(controls: readonly PlayerControl[]): XRMenuButton[] {
  return controlsIn(controls, HEADSET_MENU).flatMap((control): XRMenuButton[] => {
    switch (control.kind) {
      case 'toggle':
        return [{ id: control.id, label: control.readout, onSelect: () => control.toggle() }];
      case 'action':
        return [{ id: control.id, label: control.readout, onSelect: () => control.run() }];
      case 'select':
        return [{ id: control.id, label: control.readout, onSelect: () => control.select(nextOption(control)) }];
      case 'range':
        return [
          { id: `${control.id}-down`, label: control.lower, onSelect: () => control.set(control.value - control.step) },
          { id: `${control.id}-up`, label: control.higher, onSelect: () => control.set(control.value + control.step) },
        ];
    }
  });
}
