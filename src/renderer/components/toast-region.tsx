/**
 * The toasts, in a polite live region at the bottom right.
 */
import { useT } from '../lib/i18n';
import { useToastStore } from '../stores/toast-store';
import { Icon } from './icons';

const TONE_ICON = { success: 'check', info: 'info', warning: 'alert', danger: 'alert' } as const;

export function ToastRegion(): React.JSX.Element {
  const t = useT();
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <div className="toast-region" role="status" aria-live="polite" aria-label={t('common.toast.region')}>
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`} data-testid="toast">
          <Icon name={TONE_ICON[toast.tone]} className="toast-icon" />
          <div className="toast-body">
            <p className="toast-message">{toast.message}</p>
            {toast.detail ? <p className="toast-detail">{toast.detail}</p> : null}
          </div>
          <button
            type="button"
            className="btn btn-ghost btn-icon btn-sm"
            aria-label={t('common.toast.dismiss')}
            onClick={() => dismiss(toast.id)}
          >
            <Icon name="x" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
