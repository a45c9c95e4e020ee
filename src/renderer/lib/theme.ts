/**
 * Applies the theme choice (system / light / dark) to the document.
 */
import { useEffect } from 'react';
import type { ThemeChoice } from '../stores/app-store';

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export function resolveTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice === 'system') return systemPrefersDark() ? 'dark' : 'light';
  return choice;
}

export function useTheme(choice: ThemeChoice): void {
  useEffect(() => {
    const apply = (): void => {
      document.documentElement.dataset['theme'] = resolveTheme(choice);
    };
    apply();
    if (choice !== 'system' || typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [choice]);
}
