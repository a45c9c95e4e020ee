/**
 * An error in plain words: what happened, what to do next, and an optional action.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import type { AppErrorShape } from '../../shared/errors';
import { describeError, type ErrorCopyContext } from '../lib/error-copy';
import { Icon } from './icons';

export interface ErrorCalloutProps {
  error: AppErrorShape;
  context?: ErrorCopyContext;
  action?: ReactNode;
  /** Rate limits and uncertain writes are warnings: nothing is broken, the user must wait or check. */
  className?: string;
  compact?: boolean;
}

const WARNING_CODES = new Set(['RATE_LIMITED', 'UNCERTAIN', 'OFFLINE', 'CANCELLED', 'TIMEOUT']);

export function ErrorCallout({
  error,
  context,
  action,
  className,
  compact,
}: ErrorCalloutProps): React.JSX.Element {
  const copy = describeError(error, context);
  const tone = WARNING_CODES.has(error.code) ? 'warn' : 'danger';
  const box = useRef<HTMLDivElement>(null);
  // In a long form the error may appear below the fold, next to a sticky submit button.
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  return (
    <div
      ref={box}
      role="alert"
      className={`callout callout-${tone}${compact ? ' callout-compact' : ''}${className ? ` ${className}` : ''}`}
      data-error-code={error.code}
    >
      <Icon name={tone === 'warn' ? 'clock' : 'alert'} className="callout-icon" />
      <div className="callout-body">
        <p className="callout-title">{copy.title}</p>
        <p className="callout-text">{copy.next}</p>
        {copy.facts.length > 0 ? (
          <ul className="callout-facts">
            {copy.facts.map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
        ) : null}
        {action ? <div className="callout-actions">{action}</div> : null}
      </div>
    </div>
  );
}
