// Vite's ?raw imports: the theme presets are read as text and put in a <style> by preview.ts.
declare module "*.css?raw" {
  const css: string;
  export default css;
}
