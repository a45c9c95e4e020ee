/**
 * TokenDeps: the core services token operations reuse.
 *
 * Token operations own no Cloudflare client, profile or cache reader of their own: the gateway
 * sends, the profile service holds credentials, the inventory turns cache rows into TokenRows.
 */
import type { CloudflareGateway } from '../cloudflare/gateway';
import type { InventoryService } from '../inventory/inventory-service';
import type { ProfileService } from '../profiles/profile-service';

export interface TokenDeps {
  gateway: CloudflareGateway;
  profiles: ProfileService;
  inventory: InventoryService;
}
