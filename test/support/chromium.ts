/**
 * Debian's Chromium, as the e2e suite and the renderer benchmark launch it.
 *
 * Without the background-networking flags Chromium keeps trying to reach Google's services,
 * which a closed network refuses over and over.
 */
export const CHROMIUM = process.env['KEYFLARE_CHROMIUM'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];
