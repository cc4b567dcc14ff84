import { compare, comparisonOf } from '../condition';
import type { Comparison, StoryPackage, VariableValue } from '../schema';
import type { Report } from './report';
import { effectsOf, leavesOf } from './walk';

/** What values a variable can ever hold, from its initial value and every effect on it. */
interface Reach {
  readonly values: ReadonlySet<VariableValue>;
  readonly up: boolean;
  readonly down: boolean;
}

function reachOf(story: StoryPackage): Map<string, Reach> {
  const reach = new Map<string, { values: Set<VariableValue>; up: boolean; down: boolean }>();
  for (const [name, initial] of Object.entries(story.variables)) reach.set(name, { values: new Set([initial]), up: false, down: false });
  for (const { effect } of effectsOf(story)) {
    const r = reach.get('set' in effect ? effect.set : effect.add);
    if (!r) continue;
    if ('set' in effect) r.values.add(effect.to);
    else if (effect.by > 0) r.up = true;
    else if (effect.by < 0) r.down = true;
  }
  return reach;
}

/** Whether some value the variable can reach satisfies the comparison. Ordering is checked on ranges. */
function canHold(r: Reach, op: Comparison, operand: VariableValue): boolean {
  const values = [...r.values];
  if (typeof operand !== 'number' || (!r.up && !r.down)) return values.some((v) => compare(op, v, operand)) || (op === 'ne' && (r.up || r.down));
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const min = r.down ? -Infinity : Math.min(...numbers);
  const max = r.up ? Infinity : Math.max(...numbers);
  switch (op) {
    case 'gte': return max >= operand;
    case 'gt': return max > operand;
    case 'lte': return min <= operand;
    case 'lt': return min < operand;
    case 'eq': return operand >= min && operand <= max;
    case 'ne': return true;
  }
}

/** Conditions on variables that no sequence of effects can make true (a variable never raised that far). */
export function checkValues(story: StoryPackage, report: Report): void {
  const reach = reachOf(story);
  for (const { leaf, at } of leavesOf(story)) {
    if (!('var' in leaf)) continue;
    const r = reach.get(leaf.var);
    if (!r) continue;
    const [op, operand] = comparisonOf(leaf);
    if (typeof operand !== typeof story.variables[leaf.var]) continue; // Reported as variable.type.
    if (!canHold(r, op, operand)) {
      const seen = [...r.values].map((v) => JSON.stringify(v)).join(', ');
      report.error(
        'condition.never-holds',
        [...at, op],
        `"${leaf.var}" ${op} ${JSON.stringify(operand)} can never hold: the variable only ever takes ${seen}${r.up ? ' and grows' : ''}${r.down ? ' and shrinks' : ''}`,
        'Add an effect that brings the variable there, or change the comparison.',
      );
    }
  }
}
