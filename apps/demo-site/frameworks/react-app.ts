// A React 19 host page: <ck-petition> as a plain custom element. React 19 passes props to custom
// elements as properties/attributes and wires `onck-success`-style handlers as DOM events.
import { createElement as h, useState } from "react";
import { createRoot } from "react-dom/client";
import type { CkEventMap } from "@coalition-kit/widgets";

declare const window: Window & { CK_API: string };

function App() {
  const [last, setLast] = useState<string>("");
  return h("main", null,
    h("h1", null, "React host"),
    h("ck-petition", {
      api: window.CK_API,
      partner: "pk_demo_e4e",
      petition: "ct-funding-gap",
      source: "react-host",
      "onck-success": (event: CkEventMap["ck-success"]) => event.detail.widget === "petition" && setLast(`${event.detail.status}: ${event.detail.total}`),
    }),
    h("p", { id: "react-status", role: "status" }, last ? `React saw ck-success (${last})` : "React is listening for ck-success"),
  );
}

createRoot(document.getElementById("root")!).render(h(App));
