/**
 * jsdom setup for renderer tests: jest-dom matchers, cleanup between tests, and the few layout
 * facts jsdom does not compute.
 *
 * jsdom lays nothing out, so every element measures 0x0 and the virtualised table would render no
 * rows. Elements report a 1200x800 box instead (the table's scroll area then shows ~16 rows of
 * 48px, as in the real window), and scrolling calls are accepted and ignored.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setFormatLocale } from '../../src/renderer/lib/format';
import { applyLocale } from '../../src/renderer/lib/i18n';

Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 800 });
Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 1200 });
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
Element.prototype.scrollTo = function scrollTo(): void {};
Element.prototype.scrollIntoView = function scrollIntoView(): void {};

// Dates and times read the same on every machine.
setFormatLocale('en-GB');

afterEach(() => {
  cleanup();
  // A test that switched the window to Chinese leaves the next one in English again.
  applyLocale('en', ['en-GB']);
});
