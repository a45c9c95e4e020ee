/**
 * The en catalogue, one JSON file per area (the file name is the key's first segment), so
 * areas of the app are translated and reviewed apart. docs/i18n.md says how to add a key.
 */
import access from './en/access.json';
import bulk from './en/bulk.json';
import capabilities from './en/capabilities.json';
import cli from './en/cli.json';
import common from './en/common.json';
import errors from './en/errors.json';
import health from './en/health.json';
import history from './en/history.json';
import insights from './en/insights.json';
import language from './en/language.json';
import notifications from './en/notifications.json';
import outcomes from './en/outcomes.json';
import policy from './en/policy.json';
import policyCode from './en/policyCode.json';
import profiles from './en/profiles.json';
import reports from './en/reports.json';
import sandbox from './en/sandbox.json';
import secret from './en/secret.json';
import settings from './en/settings.json';
import shell from './en/shell.json';
import sidebar from './en/sidebar.json';
import statusBar from './en/statusBar.json';
import time from './en/time.json';
import tokenDetail from './en/tokenDetail.json';
import tokens from './en/tokens.json';
import validation from './en/validation.json';
import verify from './en/verify.json';
import wizard from './en/wizard.json';

export const en = {
  access,
  bulk,
  capabilities,
  cli,
  common,
  errors,
  health,
  history,
  insights,
  language,
  notifications,
  outcomes,
  policy,
  policyCode,
  profiles,
  reports,
  sandbox,
  secret,
  settings,
  shell,
  sidebar,
  statusBar,
  time,
  tokenDetail,
  tokens,
  validation,
  verify,
  wizard,
};
