/**
 * Every token operation answers with the token's row exactly as the list shows it afterwards.
 *
 * The window puts a reply's row straight into the list; a reply that differed from the list would
 * show one thing now and another after the next reload. Operations read that row by itself (not
 * the whole detail), so this pins the two reads to one answer.
 */
import { expect, it } from 'vitest';
import { TokenRow } from '../../../src/shared/domain';
import { dnsDraft, tokenHarness, useTokenSuite } from '../support/token-harness';

const { sim, secrets } = await useTokenSuite();

it('answers create, status changes, edit, forget and adopt with the row the list and the detail show', async () => {
  const h = await tokenHarness(sim, secrets);
  const profileId = h.profile.id;
  const inList = async (reply: TokenRow): Promise<void> => {
    const listed = await h.row(reply.id);
    expect(reply).toEqual(listed);
    const detail = await h.ok('tokens.get', { profileId, tokenId: reply.id });
    expect(TokenRow.parse(detail)).toEqual(listed);
  };

  const created = await h.ok('tokens.create', {
    profileId,
    owner: { kind: 'user' },
    draft: dnsDraft(sim, 'Row replies'),
    keepSecret: true,
  });
  const tokenId = created.token.id;
  expect(created.token).toMatchObject({ key: `${profileId}:${tokenId}`, secretKept: true, lastVerify: null });
  await inList(created.token);

  const verified = await h.ok('tokens.verify', { profileId, tokenId });
  expect(verified.outcome).toBe('active');
  const disabled = await h.ok('tokens.setStatus', { profileId, tokenId, status: 'disabled' });
  expect(disabled).toMatchObject({ status: 'disabled', lastVerify: { outcome: 'active' } });
  await inList(disabled);

  const enabled = await h.ok('tokens.setStatus', { profileId, tokenId, status: 'active' });
  expect(enabled.status).toBe('active');
  await inList(enabled);

  const edited = await h.ok('tokens.update', {
    profileId,
    tokenId,
    draft: dnsDraft(sim, 'Row replies, renamed'),
  });
  expect(edited.name).toBe('Row replies, renamed');
  await inList(edited);

  const forgotten = await h.ok('tokens.forgetSecret', { profileId, tokenId });
  expect(forgotten.secretKept).toBe(false);
  await inList(forgotten);

  const adopted = await h.ok('tokens.adopt', { profileId, tokenId, secret: created.secret });
  expect(adopted).toMatchObject({ secretKept: true, lastVerify: { outcome: 'active' } });
  await inList(adopted);
});
