"use client";

import { useSyncExternalStore } from "react";

type Theme = "system" | "light" | "dark";
const THEMES: { value: Theme; label: string }[] = [
  { value: "system", label: "System theme" },
  { value: "light", label: "Light theme" },
  { value: "dark", label: "Dark theme" },
];

function readTheme(): Theme {
  const theme = document.documentElement.dataset.theme;
  return theme === "light" || theme === "dark" ? theme : "system";
}

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function applyTheme(theme: Theme) {
  const root = document.documentElement;
  try {
    if (theme === "system") localStorage.removeItem("theme");
    else localStorage.setItem("theme", theme);
  } catch {
    // Storage can be off (private mode): the choice then lasts for this page only.
  }
  if (theme === "system") delete root.dataset.theme;
  else root.dataset.theme = theme;
  listeners.forEach((listener) => listener());
}

export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, readTheme, () => "system" as const);
  return (
    <label className="js-only flex items-center gap-2 text-sm text-muted">
      {/* The visible choice says what it is ("Light theme"), so the label can stay unseen. */}
      <span className="sr-only">Theme</span>
      <select
        value={theme}
        onChange={(event) => applyTheme(event.target.value as Theme)}
        className="rounded border border-rule bg-paper px-1 py-1 text-xs text-ink sm:px-2 sm:text-sm"
      >
        {THEMES.map(({ value, label }) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
