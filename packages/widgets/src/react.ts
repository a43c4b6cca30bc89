// Types only: `import type {} from "@coalition-kit/widgets/react"` (or list it in tsconfig "types")
// types <ck-petition> and the other elements in React 19 JSX. React 19 sets a custom element's
// props as properties when the element has them (attributes otherwise) and adds a prop named
// `on` + event name, e.g. `onck-success`, as a listener for that event.
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { CkElementEvents, CkElementProperties, CkElements } from "./shared/element-types.js";

/** The JSX props of one element: HTML attributes, its properties, and `onck-…` listeners. */
export type CkReactProps<T extends keyof CkElements> = DetailedHTMLProps<HTMLAttributes<CkElements[T]>, CkElements[T]> &
  CkElementProperties<CkElements[T]> & {
    [K in keyof CkElementEvents[T] as `on${K & string}`]?: (event: CkElementEvents[T][K]) => void;
  };

/** Every element's JSX props by tag name. */
export type CkReactElements = { [T in keyof CkElements]: CkReactProps<T> };

declare module "react" {
  namespace JSX {
    interface IntrinsicElements extends CkReactElements {}
  }
}
