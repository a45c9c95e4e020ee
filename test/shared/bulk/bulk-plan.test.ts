/**
 * The bulk plan's wording.
 */
import { describe, expect, it } from 'vitest';
import { planBulk } from '../../../src/shared/bulk/bulk-plan';
import { row } from '../support/token-rows';

describe('the bulk plan', () => {
  it('says when nothing is left to send', () => {
    const disabled = row({ status: 'disabled' });
    const plan = planBulk('disable', [disabled], () => ({ edit: true, delete: true, reason: null }));
    expect(plan.summary).toBe('Nothing to disable: the token is left out.');
    expect(plan.sendCount).toBe(0);
  });
});
