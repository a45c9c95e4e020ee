/**
 * The credential part of the add/replace forms: type, secret (never echoed) and email.
 *
 * The secret is held by the form's own state and cleared after every submit; it is never put
 * in a store. The input is type=password with autocomplete off, so it is not shown, suggested
 * or remembered by the browser engine.
 */
import { useId } from 'react';
import type { CredentialInput } from '../../../shared/domain';
import type { ValidationIssue } from '../../../shared/errors';
import { Field } from '../../components/field';
import { issueSentence } from '../../lib/error-copy';
import { useT } from '../../lib/i18n';

export type CredentialType = CredentialInput['kind'];

export interface CredentialValues {
  type: CredentialType;
  secret: string;
  email: string;
  accountId: string;
}

export const EMPTY_CREDENTIAL: CredentialValues = { type: 'api_token', secret: '', email: '', accountId: '' };

export function credentialInput(values: CredentialValues): CredentialInput {
  if (values.type === 'global_key')
    return { kind: 'global_key', email: values.email.trim(), key: values.secret };
  const accountId = values.accountId.trim();
  return accountId
    ? { kind: 'api_token', token: values.secret, accountId }
    : { kind: 'api_token', token: values.secret };
}

export function CredentialFields({
  values,
  onChange,
  errors,
  showAccountId,
}: {
  values: CredentialValues;
  onChange: (values: CredentialValues) => void;
  errors: Record<string, string>;
  showAccountId: boolean;
}): React.JSX.Element {
  const name = useId();
  const t = useT();
  return (
    <>
      <fieldset className="radio-cards">
        <legend className="field-label">{t('profiles.credential.type')}</legend>
        <label className={`radio-card${values.type === 'api_token' ? ' radio-card-on' : ''}`}>
          <input
            type="radio"
            name={name}
            checked={values.type === 'api_token'}
            onChange={() => onChange({ ...values, type: 'api_token' })}
          />
          <span>
            <span className="radio-card-title">{t('profiles.credential.apiToken')}</span>
            <span className="radio-card-text">{t('profiles.credential.apiTokenText')}</span>
          </span>
        </label>
        <label className={`radio-card${values.type === 'global_key' ? ' radio-card-on' : ''}`}>
          <input
            type="radio"
            name={name}
            checked={values.type === 'global_key'}
            onChange={() => onChange({ ...values, type: 'global_key' })}
          />
          <span>
            <span className="radio-card-title">{t('profiles.credential.globalKey')}</span>
            <span className="radio-card-text">{t('profiles.credential.globalKeyText')}</span>
          </span>
        </label>
      </fieldset>
      {values.type === 'global_key' ? (
        <Field label={t('profiles.credential.email')} error={errors['credential.email'] ?? null}>
          <input
            className="input"
            type="email"
            autoComplete="off"
            value={values.email}
            onChange={(event) => onChange({ ...values, email: event.target.value })}
          />
        </Field>
      ) : null}
      <Field
        label={
          values.type === 'global_key'
            ? t('profiles.credential.globalKey')
            : t('profiles.credential.apiToken')
        }
        hint={t('profiles.credential.secretHint')}
        error={errors['credential.token'] ?? errors['credential.key'] ?? null}
      >
        <input
          className="input mono"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={values.secret}
          onChange={(event) => onChange({ ...values, secret: event.target.value })}
          data-testid="credential-secret"
        />
      </Field>
      {showAccountId && values.type === 'api_token' ? (
        <Field
          label={t('profiles.credential.accountId')}
          optional
          hint={t('profiles.credential.accountIdHint')}
          error={errors['credential.accountId'] ?? null}
        >
          <input
            className="input mono"
            autoComplete="off"
            spellCheck={false}
            value={values.accountId}
            onChange={(event) => onChange({ ...values, accountId: event.target.value })}
          />
        </Field>
      ) : null}
    </>
  );
}

/** Validation issues by field path, for the form's fields, in the window's language. */
export function issuesByPath(issues: readonly ValidationIssue[] | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const issue of issues ?? []) if (!(issue.path in map)) map[issue.path] = issueSentence(issue);
  return map;
}
