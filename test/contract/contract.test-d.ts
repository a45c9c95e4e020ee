/**
 * Type tests pinning the contract's shapes: a change here is a change to every caller.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { KeyflareApi } from '../../src/shared/api-types';
import type { ChannelName } from '../../src/shared/channels';
import type { ChannelInput, ChannelOutput, EventPayload } from '../../src/shared/contract';
import type {
  AppInfo,
  Profile,
  ShowOnceSecret,
  TokenDraft,
  TokenRow,
  VerifyResult,
} from '../../src/shared/domain';
import type { ErrorCode, Result } from '../../src/shared/errors';

describe('contract types', () => {
  it('types window.api from the channel map', () => {
    expectTypeOf<KeyflareApi['app']['info']>().toEqualTypeOf<
      (input: ChannelInput<'app.info'>) => Promise<Result<AppInfo>>
    >();
    expectTypeOf<KeyflareApi['tokens']['verify']>()
      .parameter(0)
      .toEqualTypeOf<{ profileId: string; tokenId: string }>();
    expectTypeOf<ReturnType<KeyflareApi['tokens']['list']>>().toEqualTypeOf<Promise<Result<TokenRow[]>>>();
    expectTypeOf<ChannelOutput<'profiles.add'>>().toEqualTypeOf<Profile>();
    expectTypeOf<ChannelOutput<'tokens.verify'>>().toEqualTypeOf<VerifyResult>();
  });

  it('gives tokens.get the exact Edit draft, or none with the reasons, ready for tokens.update', () => {
    expectTypeOf<ChannelOutput<'tokens.get'>['edit']>().toEqualTypeOf<{
      draft: TokenDraft | null;
      unrepresentable: { key: string; params?: Record<string, string | number> | undefined }[];
    }>();
    expectTypeOf<NonNullable<ChannelOutput<'tokens.get'>['edit']['draft']>>().toExtend<
      ChannelInput<'tokens.update'>['draft']
    >();
    expectTypeOf<TokenRow>().not.toHaveProperty('edit');
  });

  it('keeps secrets out of every reply type except the show-once ones', () => {
    expectTypeOf<ChannelOutput<'tokens.create'>>().toEqualTypeOf<ShowOnceSecret>();
    expectTypeOf<ChannelOutput<'tokens.roll'>>().toEqualTypeOf<ShowOnceSecret>();
    expectTypeOf<TokenRow>().not.toHaveProperty('secret');
    expectTypeOf<Profile>().not.toHaveProperty('credential');
  });

  it('types the envelope and error codes', () => {
    expectTypeOf<Extract<Result<number>, { ok: false }>['error']['code']>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<'tokens.roll'>().toExtend<ChannelName>();
    expectTypeOf<'tokens.hack'>().not.toExtend<ChannelName>();
  });

  it('types events by name', () => {
    expectTypeOf<EventPayload<'sync.progress'>>().toEqualTypeOf<{
      profileId: string;
      done: number;
      planned: number;
    }>();
    expectTypeOf<Parameters<KeyflareApi['on']>[0]>().toEqualTypeOf<
      'sync.progress' | 'sync.finished' | 'clipboard.cleared' | 'bulk.progress' | 'health.open'
    >();
  });
});
