/**
 * The icon set: small stroke icons drawn inline (no icon font, nothing fetched).
 *
 * Icons are decorative (aria-hidden); the control that holds one always carries a text label
 * or an aria-label.
 */
import type { ReactNode } from 'react';

export type IconName =
  | 'search'
  | 'plus'
  | 'sync'
  | 'key'
  | 'check'
  | 'x'
  | 'chevron-down'
  | 'chevron-right'
  | 'copy'
  | 'settings'
  | 'cloud-off'
  | 'clock'
  | 'user'
  | 'building'
  | 'globe'
  | 'trash'
  | 'edit'
  | 'roll'
  | 'power'
  | 'alert'
  | 'info'
  | 'shield'
  | 'filter'
  | 'layers'
  | 'terminal'
  | 'lock'
  | 'arrow-up'
  | 'arrow-down'
  | 'sparkle'
  | 'download'
  | 'more';

const PATHS: Record<IconName, ReactNode> = {
  search: (
    <>
      <circle cx="7" cy="7" r="4.5" />
      <path d="m10.5 10.5 3.5 3.5" />
    </>
  ),
  plus: <path d="M8 3v10M3 8h10" />,
  sync: (
    <>
      <path d="M13 5.5A5.5 5.5 0 0 0 3.2 5" />
      <path d="M3 2.5V5h2.5" />
      <path d="M3 10.5A5.5 5.5 0 0 0 12.8 11" />
      <path d="M13 13.5V11h-2.5" />
    </>
  ),
  key: (
    <>
      <circle cx="5.5" cy="10.5" r="3" />
      <path d="m7.6 8.4 5.9-5.9M11.5 4.5l1.5 1.5M10 6l1.3 1.3" />
    </>
  ),
  check: <path d="m3.5 8.5 3 3 6-7" />,
  x: <path d="m4 4 8 8M12 4l-8 8" />,
  'chevron-down': <path d="m4 6 4 4 4-4" />,
  'chevron-right': <path d="m6 4 4 4-4 4" />,
  copy: (
    <>
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 5.5V4A1.5 1.5 0 0 0 9 2.5H4A1.5 1.5 0 0 0 2.5 4v5A1.5 1.5 0 0 0 4 10.5h1.5" />
    </>
  ),
  settings: (
    <>
      <circle cx="8" cy="8" r="2" />
      <path d="M8 1.8v1.6M8 12.6v1.6M1.8 8h1.6M12.6 8h1.6M3.6 3.6l1.1 1.1M11.3 11.3l1.1 1.1M3.6 12.4l1.1-1.1M11.3 4.7l1.1-1.1" />
    </>
  ),
  'cloud-off': (
    <>
      <path d="M5 5.2A4 4 0 0 1 12 7a2.8 2.8 0 0 1 1.3 5.3M10 12.5H4.5a2.8 2.8 0 0 1-.6-5.5" />
      <path d="m2 2 12 12" />
    </>
  ),
  clock: (
    <>
      <circle cx="8" cy="8" r="5.8" />
      <path d="M8 4.8V8l2.2 1.4" />
    </>
  ),
  user: (
    <>
      <circle cx="8" cy="5.5" r="2.6" />
      <path d="M3 13.5a5 5 0 0 1 10 0" />
    </>
  ),
  building: (
    <>
      <rect x="3" y="2.5" width="10" height="11" rx="1" />
      <path d="M6 5.5h1M9 5.5h1M6 8h1M9 8h1M7 13.5v-2.5h2v2.5" />
    </>
  ),
  globe: (
    <>
      <circle cx="8" cy="8" r="5.8" />
      <path d="M2.2 8h11.6M8 2.2c1.7 1.6 2.5 3.5 2.5 5.8S9.7 12.2 8 13.8C6.3 12.2 5.5 10.3 5.5 8S6.3 3.8 8 2.2Z" />
    </>
  ),
  trash: (
    <>
      <path d="M2.8 4.5h10.4M6.2 4.5V3h3.6v1.5" />
      <path d="m4 4.5.6 8.4a1.2 1.2 0 0 0 1.2 1.1h4.4a1.2 1.2 0 0 0 1.2-1.1l.6-8.4" />
    </>
  ),
  edit: (
    <>
      <path d="M10.5 3 13 5.5 6 12.5 3 13l.5-3z" />
    </>
  ),
  roll: (
    <>
      <path d="M12.5 8a4.5 4.5 0 1 1-1.3-3.2" />
      <path d="M12.8 2.5v2.8H10" />
      <circle cx="8" cy="8" r="1.2" />
    </>
  ),
  power: (
    <>
      <path d="M8 2v5.5" />
      <path d="M4.6 4.2a5 5 0 1 0 6.8 0" />
    </>
  ),
  alert: (
    <>
      <path d="M8 2.2 14.3 13H1.7z" />
      <path d="M8 6.5v3M8 11.3v.2" />
    </>
  ),
  info: (
    <>
      <circle cx="8" cy="8" r="5.8" />
      <path d="M8 7.2v4M8 4.8v.2" />
    </>
  ),
  shield: (
    <>
      <path d="M8 1.8 13 3.8v4c0 3-2.2 5.2-5 6.4-2.8-1.2-5-3.4-5-6.4v-4z" />
      <path d="m5.8 8 1.6 1.6 2.9-3.1" />
    </>
  ),
  filter: <path d="M2.5 3.5h11l-4.2 5v4.2l-2.6 1.3V8.5z" />,
  layers: (
    <>
      <path d="M8 2 14 5 8 8 2 5z" />
      <path d="m2 8 6 3 6-3M2 11l6 3 6-3" />
    </>
  ),
  terminal: (
    <>
      <rect x="1.8" y="2.8" width="12.4" height="10.4" rx="1.6" />
      <path d="m4.5 6.5 2 1.5-2 1.5M8 10h3.5" />
    </>
  ),
  lock: (
    <>
      <rect x="3" y="7" width="10" height="7" rx="1.4" />
      <path d="M5.2 7V5a2.8 2.8 0 0 1 5.6 0v2" />
    </>
  ),
  'arrow-up': <path d="M8 13V3M4 7l4-4 4 4" />,
  'arrow-down': <path d="M8 3v10M4 9l4 4 4-4" />,
  sparkle: <path d="M8 2v3M8 11v3M2 8h3M11 8h3M4 4l1.8 1.8M10.2 10.2 12 12M4 12l1.8-1.8M10.2 5.8 12 4" />,
  download: (
    <>
      <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7" />
      <path d="M2.5 13.5h11" />
    </>
  ),
  more: (
    <>
      <circle cx="3.5" cy="8" r="0.6" />
      <circle cx="8" cy="8" r="0.6" />
      <circle cx="12.5" cy="8" r="0.6" />
    </>
  ),
};

export interface IconProps {
  name: IconName;
  size?: number;
  className?: string;
}

export function Icon({ name, size = 16, className }: IconProps): React.JSX.Element {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
