import { comparisonOf } from './condition';
import type { Comparison, Condition } from './schema';

const SYMBOL: Record<Comparison, string> = { eq: '=', ne: '≠', lt: '<', lte: '≤', gt: '>', gte: '≥' };

/**
 * A condition in plain words for people reading a map of the film ("clue sky-is-real and
 * desire ≥ 2"). Ids stay as written: they are what the author greps story.json for.
 */
export function conditionInWords(condition: Condition): string {
  return words(condition, false);
}

function words(condition: Condition, nested: boolean): string {
  const group = (parts: readonly Condition[], joiner: string) => {
    const text = parts.map((c) => words(c, true)).join(joiner);
    return nested && parts.length > 1 ? `(${text})` : text;
  };
  if ('all' in condition) return group(condition.all, ' and ');
  if ('any' in condition) return group(condition.any, ' or ');
  if ('not' in condition) return `not ${words(condition.not, true)}`;
  if ('clue' in condition) return `clue ${condition.clue}`;
  if ('var' in condition) {
    const [op, operand] = comparisonOf(condition);
    return `${condition.var} ${SYMBOL[op]} ${JSON.stringify(operand)}`;
  }
  if ('visited' in condition) return `visited ${condition.visited}`;
  if ('visits' in condition) {
    const [op, operand] = comparisonOf(condition);
    return `visits of ${condition.visits} ${SYMBOL[op]} ${operand}`;
  }
  if ('edition' in condition) return `edition ${condition.edition}`;
  const ms = [condition.gteMs !== undefined && `≥ ${seconds(condition.gteMs)}`, condition.ltMs !== undefined && `< ${seconds(condition.ltMs)}`].filter(Boolean).join(' and ');
  return `looked at ${condition.attention} ${ms}`;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(2))} s`;
