/**
 * String filters of list endpoints (`name=example.com`, `name=contains:.org`, ...).
 *
 * Zones document the operators contains:, starts_with:, ends_with:, plus equal: and
 * not_equal:; a bare value is an exact, case-insensitive match.
 */

export function matchesFilter(value: string, filter: string): boolean {
  const subject = value.toLowerCase();
  const colon = filter.indexOf(':');
  const operator = colon > 0 ? filter.slice(0, colon) : '';
  const operand = (colon > 0 ? filter.slice(colon + 1) : filter).toLowerCase();
  switch (operator) {
    case 'contains':
      return subject.includes(operand);
    case 'starts_with':
      return subject.startsWith(operand);
    case 'ends_with':
      return subject.endsWith(operand);
    case 'equal':
      return subject === operand;
    case 'not_equal':
      return subject !== operand;
    default:
      return subject === filter.toLowerCase();
  }
}
