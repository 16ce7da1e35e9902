import type {VtexEvent} from './vtex-event.js';

/** detail of `vtex-search-submitted`. */
export interface SearchSubmittedDetail {
  query: string;
}

/** `vtex-search-submitted`: cancelable: a search was submitted; `preventDefault()` to route it yourself. Fired by `<vtex-search-box>`. */
export type VtexSearchSubmittedEvent = VtexEvent<SearchSubmittedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-search-submitted': VtexSearchSubmittedEvent;
  }
}
