/**
 * Profile and owner side by side: which login creates the token and who owns it. The wizard's
 * first step and "Duplicate to…" both ask it; the owners listed are the ones the chosen
 * profile's credential may create.
 */
import type { ReactNode } from 'react';
import type { Profile, TokenOwner } from '../../../shared/domain';
import { Field } from '../../components/field';
import { useT } from '../../lib/i18n';
import { ownerChoices, ownerValue } from './wizard-model';

export interface OwnerFieldsProps {
  /** The profiles to offer: only those whose credential can create tokens. */
  profiles: readonly Profile[];
  profile: Profile | null;
  owner: TokenOwner;
  onProfile: (profileId: string) => void;
  onOwner: (owner: TokenOwner) => void;
  profileHint?: ReactNode;
  ownerHint?: ReactNode;
}

export function OwnerFields({
  profiles,
  profile,
  owner,
  onProfile,
  onOwner,
  profileHint,
  ownerHint,
}: OwnerFieldsProps): React.JSX.Element {
  const t = useT();
  const owners = ownerChoices(profile);
  return (
    <div className="form-row">
      <Field label={t('wizard.owner.profile')} hint={profileHint}>
        <select
          className="select"
          value={profile?.id ?? ''}
          onChange={(event) => onProfile(event.target.value)}
        >
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('wizard.owner.owner')} hint={ownerHint}>
        <select
          className="select"
          value={ownerValue(owner)}
          onChange={(event) => {
            const choice = owners.find((c) => c.value === event.target.value);
            if (choice) onOwner(choice.owner);
          }}
        >
          {owners.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
