import {adoptStyles, type CSSResult, type ReactiveElement} from 'lit';

/**
 * Adds `styles` to what `el`'s shadow root already adopts: the styles of a part of an element that loads on demand
 * (an `OnDemandModule`), in place before that part first renders.
 */
export function adoptMoreStyles(el: ReactiveElement, styles: CSSResult): void {
  const root = el.renderRoot;
  if (root instanceof ShadowRoot)
    adoptStyles(root, [...(el.constructor as typeof ReactiveElement).elementStyles, styles]);
}
