/**
 * The VALIDATION error of input that failed its contract schema, as the dispatcher answers it and
 * any face may make it from the same schema (the renderer's demo backend, tests).
 *
 * The headline names the first field (its path, and what is wrong with it); every issue is in
 * `details.issues`, each as a message the faces word in the reader's language (`issueMessage`)
 * beside its English (docs/i18n.md, "Validation problems").
 */
import type { z } from 'zod';
import { AppError } from './errors';
import { issueMessage, issuePath, zodIssueDetails } from './i18n/issue-message';
import { msg, nest } from './i18n/message';

export function validationError(error: z.ZodError): AppError {
  const first = error.issues[0];
  const message = first
    ? msg('errors.input.invalid', {
        path: issuePath(first, '(input)'),
        ...nest('problem', issueMessage(first)),
      })
    : msg('errors.input.invalidNoIssue');
  return new AppError('VALIDATION', message, { issues: zodIssueDetails(error, '(input)') });
}
