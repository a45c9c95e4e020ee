/**
 * The inventory service the core wires to its read channels: the offline reads
 * (inventory-reads.ts) with Edit's draft checked against the contract's schema.
 */
import { editDraft } from '../../../shared/policy/edit-draft';
import { createInventoryReads, type InventoryContext, type InventoryService } from './inventory-reads';

export { unknownToken, type InventoryContext, type InventoryService } from './inventory-reads';

export function createInventoryService(ctx: InventoryContext): InventoryService {
  return createInventoryReads(ctx, editDraft);
}
