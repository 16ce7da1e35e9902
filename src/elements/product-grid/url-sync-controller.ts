import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {facetsPath, parseFacetsPath} from '../../client/catalog.js';
import type {SelectedFacet} from '../../client/types.js';
import {pageNumber} from './prefetch.js';

/** What the URL mirrors: the grid's query, the shopper's filters, sort and page. */
export type UrlSyncHost = ReactiveControllerHost &
  HTMLElement & {
    syncUrl: boolean;
    query: string;
    sort: string;
    page: number;
    selected: SelectedFacet[];
  };

/**
 * With the host's `syncUrl`, mirrors its query, filters, sort and page to the address bar (`?q=&fq=&sort=&page=`):
 * reads them on connection and on back/forward (`popstate`), writes them with `history.pushState` on `push()`.
 */
export class UrlSyncController implements ReactiveController {
  /** True while the URL's state is being applied: the update it causes is no new search from outside. */
  restoring?: boolean;

  constructor(private readonly host: UrlSyncHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this);
    this.handleEvent();
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this);
  }

  /** Applies the URL's state to the host (on connection and on back/forward). */
  handleEvent(): void {
    const host = this.host;
    if (!host.syncUrl) return;
    const params = new URL(location.href).searchParams;
    this.restoring = true;
    host.query = params.get('q') ?? host.getAttribute('query') ?? '';
    host.selected = parseFacetsPath(params.get('fq') ?? '');
    host.sort = params.get('sort') ?? host.getAttribute('sort') ?? '';
    host.page = pageNumber(Number(params.get('page')));
    void host.updateComplete.then(() => (this.restoring = false));
  }

  /** Writes the host's state to the URL (a new history entry when it changed). */
  push(): void {
    const host = this.host;
    if (!host.syncUrl) return;
    const url = new URL(location.href);
    const set = (name: string, value: string) =>
      value ? url.searchParams.set(name, value) : url.searchParams.delete(name);
    set('q', host.query.trim());
    set('fq', facetsPath(host.selected));
    set('sort', host.sort);
    set('page', host.page > 1 ? String(host.page) : '');
    if (url.href !== location.href) history.pushState(history.state, '', url);
  }
}
