import type { Condition } from './schema';

/** What conditions can ask about. Kept minimal so any snapshot of the story context fits. */
export interface ConditionFacts {
  readonly clues: readonly string[];
}

/** Evaluates a declarative condition; the only place story conditions are decided. */
export function evaluateCondition(condition: Condition, facts: ConditionFacts): boolean {
  if ('clue' in condition) return facts.clues.includes(condition.clue);
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, facts));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, facts));
  return !evaluateCondition(condition.not, facts);
}

/** Every clue a condition mentions, with the JSON path segments that lead to it. */
export function cluesInCondition(condition: Condition, at: readonly PropertyKey[] = []): Array<{ clue: string; at: PropertyKey[] }> {
  if ('clue' in condition) return [{ clue: condition.clue, at: [...at, 'clue'] }];
  if ('all' in condition) return condition.all.flatMap((c, i) => cluesInCondition(c, [...at, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((c, i) => cluesInCondition(c, [...at, 'any', i]));
  return cluesInCondition(condition.not, [...at, 'not']);
}
