/**
 * Step 1: which login and owner, then a template or a custom token.
 */
import type { Profile, ResolvedTemplate, TokenOwner } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { ErrorCallout } from '../../components/error-callout';
import { Icon, type IconName } from '../../components/icons';
import { ALL_READ_LABEL } from '../../../shared/templates/templates-data';
import { useT } from '../../lib/i18n';
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
  const t = useT();
  const creatable = profiles.filter(canCreateTokens);
  return (
    <div className="wizard-step" data-testid="wizard-start">
      <OwnerFields
        profiles={creatable}
        profile={profile}
        owner={owner}
        onProfile={onProfile}
        onOwner={onOwner}
        profileHint={creatable.length < profiles.length ? t('wizard.start.profilesHidden') : undefined}
        ownerHint={t('wizard.start.ownerHint')}
      />

      {templatesError ? <ErrorCallout error={templatesError} compact /> : null}

      <h3 className="wizard-subheading" id="template-heading">
        {t('wizard.start.startFrom')}
      </h3>
      <ul className="template-grid" aria-labelledby="template-heading">
        <li>
          <button type="button" className="template-card template-card-custom" onClick={() => onChoose(null)}>
            <span className="template-icon" aria-hidden="true">
              <Icon name="plus" />
            </span>
            <span className="template-name">{t('wizard.start.custom')}</span>
            <span className="template-perms">{t('wizard.start.customText')}</span>
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
          // Permission-group names stay Cloudflare's; the template's "(All read permissions)" is a
          // description of many groups, so it is worded in the window's language.
          const labels = [
            ...new Set(
              template.permissions.map((p) =>
                p.label === ALL_READ_LABEL ? t('wizard.start.allRead') : p.label,
              ),
            ),
          ];
          const why = template.available
            ? null
            : t('wizard.start.unavailable', { missing: template.missing.join(', ') });
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
                  {labels.length > 3
                    ? t('wizard.start.permsMore', {
                        perms: labels.slice(0, 3).join(', '),
                        more: labels.length - 3,
                      })
                    : labels.join(', ')}
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
