/**
 * A centred message for "nothing here yet", with what to do about it.
 */
import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons';

export interface EmptyStateProps {
  icon?: IconName;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  testId?: string;
}

export function EmptyState({
  icon = 'key',
  title,
  children,
  actions,
  testId,
}: EmptyStateProps): React.JSX.Element {
  return (
    <div className="empty-state" data-testid={testId}>
      <div className="empty-state-icon" aria-hidden="true">
        <Icon name={icon} size={22} />
      </div>
      <h2>{title}</h2>
      {children ? <div className="empty-state-text">{children}</div> : null}
      {actions ? <div className="empty-state-actions">{actions}</div> : null}
    </div>
  );
}
