// A Vue 3 host page: <ck-petition> as a custom element (Vue is told ck-* tags are not components).
import { createApp, h, ref } from "vue";
import type { CkEventMap } from "@coalition-kit/widgets";

declare const window: Window & { CK_API: string };

const app = createApp({
  setup() {
    const last = ref("");
    return () =>
      h("main", [
        h("h1", "Vue host"),
        h("ck-petition", {
          api: window.CK_API,
          partner: "pk_demo_e4e",
          petition: "ct-funding-gap",
          source: "vue-host",
          "onCk-success": (event: CkEventMap["ck-success"]) => event.detail.widget === "petition" && (last.value = `${event.detail.status}: ${event.detail.total}`),
        }),
        h("p", { id: "vue-status", role: "status" }, last.value ? `Vue saw ck-success (${last.value})` : "Vue is listening for ck-success"),
      ]);
  },
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith("ck-");
app.mount("#root");
