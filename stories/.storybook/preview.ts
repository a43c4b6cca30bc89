import type { Preview } from "@storybook/web-components-vite";
import "@coalition-kit/widgets/define";

const preview: Preview = {
  parameters: {
    layout: "padded",
    controls: { expanded: true },
  },
};
export default preview;
