/**
 * The demo scenario's logins shown as profiles: two people and an account-owned token. The app's
 * sandbox and `npm run demo` add the same ones, so both show the same sample data.
 */
export const SAMPLE_PROFILES = [
  { label: 'Alice (personal)', credential: 'alice-manager' },
  { label: 'Bob (work)', credential: 'bob-manager' },
  { label: 'Acme account token', credential: 'acme-account-manager' },
] as const;
