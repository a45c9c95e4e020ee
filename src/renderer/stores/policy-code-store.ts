/**
 * Policies as code: the calls for export, import, duplicate to and rotation, each answering the
 * result envelope (lib/api.ts). No state of its own: what they answer lives in the dialogs.
 *
 * Rotation writes refresh the token list afterwards, since they create, disable or delete tokens.
 */
import type { ChannelInput, ChannelOutput } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { ExportFormat } from '../../shared/export/export-schemas';
import { call } from '../lib/api';
import { useTokensStore } from './tokens-store';

export interface TokenRef {
  profileId: string;
  tokenId: string;
}

async function thenRefresh<T>(reply: Promise<Result<T>>): Promise<Result<T>> {
  const result = await reply;
  void useTokensStore.getState().load();
  return result;
}

export const policyCode = {
  exportTokens: (tokens: TokenRef[], format: ExportFormat) =>
    call((api) => api.export.tokens({ tokens, format })),
  copyExport: (tokens: TokenRef[], format: ExportFormat) =>
    call((api) => api.export.copy({ tokens, format })),
  resolveImport: (input: ChannelInput<'import.resolve'>) => call((api) => api.import.resolve(input)),
  duplicateTo: (input: ChannelInput<'tokens.duplicateTo'>) => call((api) => api.tokens.duplicateTo(input)),
  rotations: (tokenId: string) => call((api) => api.rotation.list({ tokenId })),
  startRotation: (input: ChannelInput<'rotation.start'>): Promise<Result<ChannelOutput<'rotation.start'>>> =>
    thenRefresh(call((api) => api.rotation.start(input))),
  retire: (rotationId: number, action: 'disable' | 'delete') =>
    thenRefresh(call((api) => api.rotation.retire({ rotationId, action, confirmed: true }))),
  resume: (rotationId: number) => thenRefresh(call((api) => api.rotation.resume({ rotationId }))),
  cancel: (rotationId: number) => call((api) => api.rotation.cancel({ rotationId })),
};
