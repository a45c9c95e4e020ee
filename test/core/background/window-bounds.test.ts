/**
 * Where the window opens: its saved place while a display still shows its title bar, else
 * centered on the primary display; shrunk to a display that got smaller.
 */
import { describe, expect, it } from 'vitest';
import { placeWindow, type DisplayArea } from '../../../src/main/core/background/window-bounds';

/** A laptop (primary, with a menu bar) and an external monitor to its right. */
const LAPTOP: DisplayArea = { workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const MONITOR: DisplayArea = { workArea: { x: 1440, y: 0, width: 2560, height: 1440 } };

describe('placeWindow', () => {
  it('opens 1280x800 centered on the primary display the first time', () => {
    expect(placeWindow(null, [LAPTOP, MONITOR], LAPTOP)).toEqual({
      bounds: { x: 80, y: 63, width: 1280, height: 800 },
      maximized: false,
    });
  });

  it('reopens exactly where it was, maximized or not, on any display still there', () => {
    const onMonitor = { x: 2000, y: 200, width: 1600, height: 1000, maximized: true };
    expect(placeWindow(onMonitor, [LAPTOP, MONITOR], LAPTOP)).toEqual({
      bounds: { x: 2000, y: 200, width: 1600, height: 1000 },
      maximized: true,
    });
    const halfOffLaptop = { x: -600, y: 100, width: 1000, height: 700, maximized: false };
    expect(placeWindow(halfOffLaptop, [LAPTOP], LAPTOP).bounds).toEqual({
      x: -600,
      y: 100,
      width: 1000,
      height: 700,
    });
  });

  it('comes back centered on the primary display when its monitor is gone, keeping its size and state', () => {
    const onMonitor = { x: 2000, y: 200, width: 1200, height: 800, maximized: true };
    expect(placeWindow(onMonitor, [LAPTOP], LAPTOP)).toEqual({
      bounds: { x: 120, y: 63, width: 1200, height: 800 },
      maximized: true,
    });
  });

  it('treats a window whose title bar cannot be grabbed as gone', () => {
    // Only 60 px of its title bar on the laptop: too little to grab.
    const almostOff = { x: 1380, y: 100, width: 1000, height: 700, maximized: false };
    expect(placeWindow(almostOff, [LAPTOP], LAPTOP).bounds).toEqual({
      x: 220,
      y: 113,
      width: 1000,
      height: 700,
    });
    // Title bar above the work area (under the menu bar).
    const tooHigh = { x: 100, y: -20, width: 1000, height: 700, maximized: false };
    expect(placeWindow(tooHigh, [LAPTOP], LAPTOP).bounds.y).toBe(113);
    // A grabbable strip is enough.
    const edge = { x: 1300, y: 100, width: 1000, height: 700, maximized: false };
    expect(placeWindow(edge, [LAPTOP], LAPTOP).bounds.x).toBe(1300);
  });

  it('shrinks a window larger than its display and keeps it inside', () => {
    const big = { x: 1500, y: 10, width: 3000, height: 1600, maximized: false };
    expect(placeWindow(big, [LAPTOP, MONITOR], LAPTOP).bounds).toEqual({
      x: 1440,
      y: 0,
      width: 2560,
      height: 1440,
    });
    const gone = { x: 5000, y: 0, width: 3000, height: 1600, maximized: false };
    expect(placeWindow(gone, [LAPTOP], LAPTOP).bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
  });

  it('picks the display holding most of a window that spans two', () => {
    const spanning = { x: 1000, y: 100, width: 2000, height: 900, maximized: false };
    const small: DisplayArea = { workArea: { x: 1440, y: 0, width: 1280, height: 720 } };
    // Mostly on the small monitor: shrunk to it and moved inside it.
    expect(placeWindow(spanning, [LAPTOP, small], LAPTOP).bounds).toEqual({
      x: 1440,
      y: 0,
      width: 1280,
      height: 720,
    });
  });
});
