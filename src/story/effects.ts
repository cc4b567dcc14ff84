import type { Effect, VariableValue } from './schema';

/** Variables after applying effects in order. `add` on a non-number is ignored (the validator reports it). */
export function applyEffects(
  variables: Readonly<Record<string, VariableValue>>,
  effects: readonly Effect[],
): Readonly<Record<string, VariableValue>> {
  if (effects.length === 0) return variables;
  const next: Record<string, VariableValue> = { ...variables };
  for (const effect of effects) {
    if ('set' in effect) next[effect.set] = effect.to;
    else {
      const current = next[effect.add];
      if (typeof current === 'number') next[effect.add] = current + effect.by;
    }
  }
  return next;
}
