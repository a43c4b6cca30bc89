// custom-elements.json: the machine-readable API of every widget (attributes, properties, events,
// slots, CSS parts). Storybook's autodocs read it; editors and frameworks can too.
export default {
  globs: ["src/**/ck-*.ts"],
  exclude: ["src/**/*.test.ts", "src/**/*.styles.ts"],
  outdir: ".",
  litelement: true,
};
