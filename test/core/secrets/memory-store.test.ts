import { createMemoryStore } from '../../../src/main/core/secrets/memory-store';
import { describeSecretStoreContract } from './secret-store-contract';

describeSecretStoreContract('in-memory store', () => createMemoryStore());
