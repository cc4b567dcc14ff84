import { COMPARISONS, type Comparison, type Condition, type VariableValue } from './schema';

/** What conditions can ask about: the story's memory and the edition being played. */
export interface ConditionFacts {
  readonly clues: readonly string[];
  readonly variables?: Readonly<Record<string, VariableValue>>;
  readonly visits?: Readonly<Record<string, number>>;
  /** Total milliseconds each hotspot has been looked at during this viewing. */
  readonly attention?: Readonly<Record<string, number>>;
  readonly edition?: string | null;
}

/** Evaluates a declarative condition; the only place story conditions are decided. */
export function evaluateCondition(condition: Condition, facts: ConditionFacts): boolean {
  if ('clue' in condition) return facts.clues.includes(condition.clue);
  if ('var' in condition) return compareWith(condition, own(facts.variables, condition.var));
  if ('visited' in condition) return (own(facts.visits, condition.visited) ?? 0) > 0;
  if ('visits' in condition) return compareWith(condition, own(facts.visits, condition.visits) ?? 0);
  if ('edition' in condition) return facts.edition === condition.edition;
  if ('attention' in condition) {
    const ms = own(facts.attention, condition.attention) ?? 0;
    return (condition.gteMs === undefined || ms >= condition.gteMs) && (condition.ltMs === undefined || ms < condition.ltMs);
  }
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, facts));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, facts));
  return !evaluateCondition(condition.not, facts);
}

/** A record's own value (never one inherited from Object.prototype). */
const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;

/** The one comparison a condition names, and its operand. */
export function comparisonOf(condition: { readonly [K in Comparison]?: VariableValue | undefined }): [Comparison, VariableValue] {
  for (const op of COMPARISONS) {
    const operand = condition[op];
    if (operand !== undefined) return [op, operand];
  }
  throw new Error('story: a comparison condition names no operator');
}

/** Compares like a spreadsheet, not like JavaScript: different types are never equal nor ordered. */
export function compare(op: Comparison, value: VariableValue | undefined, operand: VariableValue): boolean {
  if (value === undefined || typeof value !== typeof operand) return op === 'ne';
  switch (op) {
    case 'eq':
      return value === operand;
    case 'ne':
      return value !== operand;
    case 'lt':
      return value < operand;
    case 'lte':
      return value <= operand;
    case 'gt':
      return value > operand;
    case 'gte':
      return value >= operand;
  }
}

function compareWith(condition: { readonly [K in Comparison]?: VariableValue | undefined }, value: VariableValue | undefined): boolean {
  const [op, operand] = comparisonOf(condition);
  return compare(op, value, operand);
}

/** Every leaf condition with the JSON path segments that lead to it. */
export function leafConditions(condition: Condition, at: readonly PropertyKey[] = []): Array<{ leaf: Condition; at: PropertyKey[] }> {
  if ('all' in condition) return condition.all.flatMap((c, i) => leafConditions(c, [...at, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((c, i) => leafConditions(c, [...at, 'any', i]));
  if ('not' in condition) return leafConditions(condition.not, [...at, 'not']);
  return [{ leaf: condition, at: [...at] }];
}

/** Every clue a condition mentions, with the JSON path segments that lead to it. */
export function cluesInCondition(condition: Condition, at: readonly PropertyKey[] = []): Array<{ clue: string; at: PropertyKey[] }> {
  return leafConditions(condition, at).flatMap(({ leaf, at: where }) => ('clue' in leaf ? [{ clue: leaf.clue, at: [...where, 'clue'] }] : []));
}
