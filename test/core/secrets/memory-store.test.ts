import { createMemoryStore } from '../../../src/main/core/secrets/memory-store';
import { describeSecretStoreContract } from '../support/secret-store-contract';

describeSecretStoreContract('in-memory store', () => createMemoryStore());
