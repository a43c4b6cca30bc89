import { noChange } from "lit";
import { Directive, PartType, directive, type ElementPart, type PartInfo } from "lit/directive.js";

/**
 * Sets an element's width (percent) through the CSSOM. Unlike a style attribute (or styleMap's
 * first render), this works under a strict Content-Security-Policy without 'unsafe-inline'.
 */
class CssWidth extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error("cssWidth() belongs on an element: <span ${cssWidth(50)}>");
  }

  render(_percent: number) {
    return noChange;
  }

  override update(part: ElementPart, [percent]: [number]) {
    (part.element as HTMLElement).style.width = `${Math.max(0, Math.min(100, percent))}%`;
    return noChange;
  }
}

export const cssWidth = directive(CssWidth);
