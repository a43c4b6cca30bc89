// Types only: `import type {} from "@coalition-kit/widgets/vue"` (or list it in tsconfig "types")
// types <ck-petition> and the other elements in Vue templates checked by vue-tsc: attributes and
// properties, and `@ck-success` listeners. Tell Vue they are custom elements at run time:
// `compilerOptions.isCustomElement: (tag) => tag.startsWith("ck-")`.
import type { EmitFn, HTMLAttributes } from "vue";
import type { CkElementEvents, CkElementProperties, CkElements } from "./shared/element-types.js";

/** `ck-success` -> `ckSuccess`. */
type Camelize<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camelize<T>>}` : S;

/** Vue listener props for an element's events: `@ck-success` compiles to `onCkSuccess` (Vue adds it as a `ck-success` listener). */
type VueListeners<Events> = { [K in keyof Events as `on${Capitalize<Camelize<K & string>>}`]?: (event: Events[K]) => void };

/** One element as Vue sees a component: its props (HTML attributes, properties, listeners) and its events. */
export type CkVueElement<T extends keyof CkElements> = new () => CkElements[T] & {
  $props: HTMLAttributes & CkElementProperties<CkElements[T]> & VueListeners<CkElementEvents[T]>;
  $emit: EmitFn<{ [K in keyof CkElementEvents[T]]: (event: CkElementEvents[T][K]) => void }>;
};

/** Every element as a Vue global component by tag name. */
export type CkVueElements = { [T in keyof CkElements]: CkVueElement<T> };

declare module "vue" {
  interface GlobalComponents extends CkVueElements {}
}
