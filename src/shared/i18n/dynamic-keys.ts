/**
 * The catalogue keys code builds at run time instead of writing out, as patterns: `{name}` stands
 * for any one key segment. The catalogue test counts a key as used when it is written in the
 * source or matches one of these; anything else in a catalogue that nothing uses fails the test.
 */
export const DYNAMIC_KEYS: readonly string[] = [
  // src/shared/errors.ts errorTitleKey / errorNextKey: one pair per contract error code.
  'errors.code.{code}.title',
  'errors.code.{code}.next',
  // Settings → Language: each locale's own name.
  'language.names.{locale}',
  // The sidebar's and Settings → Keychain's credential kinds.
  'sidebar.credential.{kind}',
  'settings.keychain.kind.{kind}',
];
