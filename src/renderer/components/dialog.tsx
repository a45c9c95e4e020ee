/**
 * A modal dialog: labelled, traps focus, closes on Esc and on the backdrop, gives focus back.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../lib/i18n';
import { Icon } from './icons';

export interface DialogProps {
  title: string;
  /** One line under the title. */
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  /** Esc and the backdrop close the dialog (off while a call runs, or while a secret is shown). */
  dismissible?: boolean;
  /** The close button works (off only while a call runs that must not be abandoned). */
  closable?: boolean;
  className?: string;
  testId?: string;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog({
  title,
  description,
  onClose,
  children,
  footer,
  size = 'md',
  dismissible = true,
  closable = true,
  className,
  testId,
}: DialogProps): React.JSX.Element {
  const t = useT();
  const titleId = useId();
  const descriptionId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  const dismissibleRef = useRef(dismissible);
  useEffect(() => {
    onCloseRef.current = onClose;
    dismissibleRef.current = dismissible;
  });

  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const node = panel.current;
    if (node) {
      const preferred = node.querySelector<HTMLElement>('[data-autofocus]');
      const first =
        preferred ?? node.querySelector('.dialog-body')?.querySelector<HTMLElement>(FOCUSABLE) ?? node;
      first.focus();
    }
    return () => {
      if (returnTo && document.contains(returnTo)) returnTo.focus();
    };
  }, []);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      event.preventDefault();
      if (dismissibleRef.current) onCloseRef.current();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.offsetParent !== null || el === document.activeElement,
    );
    const list = items.length > 0 ? items : [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = list[0];
    const last = list[list.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget && dismissible) onClose();
      }}
    >
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        className={`dialog dialog-${size}${className ? ` ${className}` : ''}`}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <header className="dialog-header">
          <div>
            <h2 id={titleId}>{title}</h2>
            {description ? (
              <p id={descriptionId} className="dialog-description">
                {description}
              </p>
            ) : null}
          </div>
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            aria-label={t('common.actions.close')}
            onClick={() => {
              if (closable) onClose();
            }}
            aria-disabled={closable ? undefined : true}
          >
            <Icon name="x" />
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer ? <div className="dialog-footer">{footer}</div> : null}
      </div>
    </div>
  );
}
