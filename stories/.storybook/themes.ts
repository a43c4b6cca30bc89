import light from "@coalition-kit/widgets/themes/light.css?raw";
import dark from "@coalition-kit/widgets/themes/dark.css?raw";
import highContrast from "@coalition-kit/widgets/themes/high-contrast.css?raw";

/** The widgets' theme presets, as shipped in @coalition-kit/widgets/themes/ (the "Theme" toolbar). */
export const themePresets = { light, dark, "high-contrast": highContrast } as const;

/** A preset's name. */
export type ThemeName = keyof typeof themePresets;

/**
 * Put the preset's CSS in the preview's <head>, exactly as a partner links it (its --ck-* tokens on
 * :root), replacing the one before: one <style> for the whole preview.
 */
export function applyTheme(name: string): void {
  const css = themePresets[name as ThemeName] ?? themePresets.light;
  let style = document.getElementById("ck-theme-preset") as HTMLStyleElement | null;
  if (!style) {
    style = document.createElement("style");
    style.id = "ck-theme-preset";
    document.head.append(style);
  }
  if (style.textContent !== css) style.textContent = css;
}
