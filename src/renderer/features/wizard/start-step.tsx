/**
 * Step 1: which login and owner, then a template or a custom token.
 */
import type { Profile, ResolvedTemplate, TokenOwner } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { ErrorCallout } from '../../components/error-callout';
import { Icon, type IconName } from '../../components/icons';
import { OwnerFields } from './owner-fields';
import { canCreateTokens } from './wizard-model';

/** A recognisable icon per dashboard template; unknown templates get a generic one. */
const TEMPLATE_ICONS: Record<string, IconName> = {
  'edit-zone-dns': 'globe',
  'read-billing-info': 'building',
  'read-analytics-and-logs': 'layers',
  'edit-cloudflare-workers': 'terminal',
  'edit-load-balancing-configuration': 'sync',
  wordpress: 'edit',
  'create-additional-tokens': 'key',
  'read-all-resources': 'shield',
};

export interface StartStepProps {
  profiles: readonly Profile[];
  profile: Profile | null;
  owner: TokenOwner;
  onProfile: (profileId: string) => void;
  onOwner: (owner: TokenOwner) => void;
  templates: readonly ResolvedTemplate[] | null;
  templatesError: AppErrorShape | null;
  onChoose: (template: ResolvedTemplate | null) => void;
}

export function StartStep({
  profiles,
  profile,
  owner,
  onProfile,
  onOwner,
  templates,
  templatesError,
  onChoose,
}: StartStepProps): React.JSX.Element {
  const creatable = profiles.filter(canCreateTokens);
  return (
    <div className="wizard-step" data-testid="wizard-start">
      <OwnerFields
        profiles={creatable}
        profile={profile}
        owner={owner}
        onProfile={onProfile}
        onOwner={onOwner}
        profileHint={
          creatable.length < profiles.length
            ? 'Profiles whose credential cannot create tokens are not listed.'
            : undefined
        }
        ownerHint="Account-owned tokens survive when people leave the account."
      />

      {templatesError ? <ErrorCallout error={templatesError} compact /> : null}

      <h3 className="wizard-subheading" id="template-heading">
        Start from
      </h3>
      <ul className="template-grid" aria-labelledby="template-heading">
        <li>
          <button type="button" className="template-card template-card-custom" onClick={() => onChoose(null)}>
            <span className="template-icon" aria-hidden="true">
              <Icon name="plus" />
            </span>
            <span className="template-name">Custom token</span>
            <span className="template-perms">Choose every permission and resource yourself.</span>
          </button>
        </li>
        {templates === null && !templatesError
          ? Array.from({ length: 5 }, (_, i) => (
              <li key={i}>
                <div className="template-card template-card-loading" aria-hidden="true" />
              </li>
            ))
          : null}
        {(templates ?? []).map((template) => {
          const labels = [...new Set(template.permissions.map((p) => p.label))];
          const why = template.available
            ? null
            : `Not available for this owner: ${template.missing.join(', ')}`;
          return (
            <li key={template.id}>
              <button
                type="button"
                className="template-card"
                aria-disabled={why ? true : undefined}
                aria-describedby={why ? `why-${template.id}` : undefined}
                onClick={() => {
                  if (!why) onChoose(template);
                }}
              >
                <span className="template-icon" aria-hidden="true">
                  <Icon name={TEMPLATE_ICONS[template.id] ?? 'sparkle'} />
                </span>
                <span className="template-name">{template.name}</span>
                <span className="template-perms">
                  {labels.slice(0, 3).join(', ')}
                  {labels.length > 3 ? ` +${labels.length - 3} more` : ''}
                </span>
                {why ? (
                  <span id={`why-${template.id}`} className="template-missing">
                    {why}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
