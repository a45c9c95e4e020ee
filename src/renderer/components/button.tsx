/**
 * Buttons: one component for every variant, with a reason when an action is unavailable.
 *
 * An unavailable action stays focusable (aria-disabled instead of disabled) so keyboard and
 * screen-reader users can reach it and hear why, e.g. "needs the token's secret in the keychain".
 */
import { useId, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Icon, type IconName } from './icons';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'danger-ghost';

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  icon?: IconName;
  /** Trailing icon, e.g. a chevron on a menu button. */
  iconAfter?: IconName;
  /** When set, the button is unavailable and says why (tooltip and accessible description). */
  disabledReason?: string | null;
  /** Plainly disabled (e.g. while a call runs); prefer disabledReason when there is a why. */
  disabled?: boolean;
  busy?: boolean;
  children?: ReactNode;
}

export function Button({
  variant = 'secondary',
  size = 'md',
  icon,
  iconAfter,
  disabledReason,
  disabled,
  busy,
  children,
  className,
  onClick,
  type = 'button',
  ...rest
}: ButtonProps): React.JSX.Element {
  const reasonId = useId();
  const unavailable = Boolean(disabledReason) || Boolean(disabled) || Boolean(busy);
  const classes = [
    'btn',
    `btn-${variant}`,
    size === 'sm' ? 'btn-sm' : '',
    !children ? 'btn-icon' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <button
        {...rest}
        type={type}
        className={classes}
        aria-disabled={unavailable ? true : undefined}
        aria-busy={busy ? true : undefined}
        aria-describedby={disabledReason ? reasonId : rest['aria-describedby']}
        title={disabledReason ?? rest.title}
        onClick={(event) => {
          if (unavailable) {
            event.preventDefault();
            return;
          }
          onClick?.(event);
        }}
      >
        {busy ? <span className="spinner" aria-hidden="true" /> : icon ? <Icon name={icon} /> : null}
        {children ? <span className="btn-label">{children}</span> : null}
        {iconAfter ? <Icon name={iconAfter} className="btn-icon-after" /> : null}
      </button>
      {disabledReason ? (
        <span id={reasonId} className="visually-hidden">
          {disabledReason}
        </span>
      ) : null}
    </>
  );
}
