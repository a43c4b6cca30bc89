// React 19 JSX with the package's React types: properties, attributes and onck-* listeners.
import { useState } from "react";
import { createRoot } from "react-dom/client";
import "@coalition-kit/widgets/define";
import type {} from "@coalition-kit/widgets/react";
import "./readme";

function App() {
  const [total, setTotal] = useState(0);
  return (
    <main>
      <ck-provider api="https://api.example.org" partner="pk_your_key">
        <ck-petition
          petition="ct-funding-gap"
          pollInterval={0}
          className="petition"
          onck-success={(event) => {
            if (event.detail.widget === "petition") setTotal(event.detail.total);
          }}
          onck-error={(event) => console.log(event.detail.code)}
        />
        {/* @ts-expect-error pollInterval is a number */}
        <ck-petition petition="ct-funding-gap" pollInterval="often" />
        <ck-story-wall campaign="tell-your-story" onck-error={(event) => console.log(event.detail.widget)} />
        <ck-survey survey="students-over-sros" showResults />
      </ck-provider>
      <p>{total}</p>
    </main>
  );
}

createRoot(document.getElementById("root")!).render(<App />);
