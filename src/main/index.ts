/**
 * Keyflare's Electron entry. Everything happens in electron/bootstrap.ts and the core.
 */
import { defaultPaths, startKeyflare } from './electron/bootstrap';

startKeyflare(defaultPaths(import.meta.dirname));
