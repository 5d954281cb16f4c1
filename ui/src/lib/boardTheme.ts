// The board's theme: light, dark, or the system's; remembered on this machine.

export type Theme = "light" | "dark" | "system";
const KEY = "corridor-theme";

export function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(KEY);
    return value === "light" || value === "dark" ? value : "system";
  } catch {
    return "system";
  }
}

/**
 * Show `theme` and remember it. The page always carries the theme it shows (`data-theme` is
 * "light" or "dark"; the stylesheet has one dark palette): "system" shows the system's and
 * follows it when it changes.
 */
export function applyTheme(theme: Theme, remember = true) {
  const root = document.documentElement;
  // One query object: a listener is removed from the object it was added to.
  system ??= window.matchMedia?.("(prefers-color-scheme: dark)");
  system?.removeEventListener?.("change", followSystem);
  if (theme === "system") system?.addEventListener?.("change", followSystem);
  root.dataset.theme = effectiveTheme(theme);
  if (!remember) return;
  try {
    if (theme === "system") localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, theme);
  } catch {
    // Storage refused (private mode): the choice lasts for this session.
  }
}

let system: MediaQueryList | undefined;

function followSystem() {
  applyTheme("system", false);
}

/** The theme shown now, after the system's preference is taken into account. */
export function effectiveTheme(theme: Theme): "light" | "dark" {
  if (theme !== "system") return theme;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

// Show the remembered theme from the start, before any screen draws.
if (typeof document !== "undefined") applyTheme(storedTheme(), false);
