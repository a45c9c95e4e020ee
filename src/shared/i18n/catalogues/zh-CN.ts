/**
 * The zh-CN catalogue, one JSON file per area (the file name is the key's first segment), so
 * areas of the app are translated and reviewed apart. docs/i18n.md says how to add a key.
 */
import access from './zh-CN/access.json';
import bulk from './zh-CN/bulk.json';
import capabilities from './zh-CN/capabilities.json';
import cli from './zh-CN/cli.json';
import common from './zh-CN/common.json';
import errors from './zh-CN/errors.json';
import health from './zh-CN/health.json';
import history from './zh-CN/history.json';
import insights from './zh-CN/insights.json';
import language from './zh-CN/language.json';
import notifications from './zh-CN/notifications.json';
import outcomes from './zh-CN/outcomes.json';
import policy from './zh-CN/policy.json';
import policyCode from './zh-CN/policyCode.json';
import profiles from './zh-CN/profiles.json';
import reports from './zh-CN/reports.json';
import sandbox from './zh-CN/sandbox.json';
import secret from './zh-CN/secret.json';
import settings from './zh-CN/settings.json';
import shell from './zh-CN/shell.json';
import sidebar from './zh-CN/sidebar.json';
import statusBar from './zh-CN/statusBar.json';
import time from './zh-CN/time.json';
import tokenDetail from './zh-CN/tokenDetail.json';
import tokens from './zh-CN/tokens.json';
import validation from './zh-CN/validation.json';
import verify from './zh-CN/verify.json';
import wizard from './zh-CN/wizard.json';

export const zhCN = {
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
