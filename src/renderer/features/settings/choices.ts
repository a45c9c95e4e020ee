/**
 * Choices of a settings select, with the stored value added in order when it is not one of them
 * (a value set by an older version or by hand stays visible and selected).
 */
export function withStored(choices: readonly number[], stored: number): number[] {
  return choices.includes(stored) ? [...choices] : [...choices, stored].sort((a, b) => a - b);
}
