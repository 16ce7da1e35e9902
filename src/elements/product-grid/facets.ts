import type {Task} from '../../internal/task.js';
import {TaskStatus} from '../../internal/task.js';
import {html, nothing} from 'lit';
import type {Facet, FacetValue, FacetsResult, SelectedFacet} from '../../client/types.js';
import type {LocalizeController} from '../../controllers/localize-controller.js';
import {merchantFacets} from './prefetch.js';
import type {ProductGridMessages} from './product-grid.messages.js';

const FACET_LIMIT = 8;

/** A facet value as compared: accents, case and surrounding spaces ignored. */
export const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/** Whether `facets` holds the pair `key`/`value`. */
export const hasFacet = (facets: SelectedFacet[], key: string, value: string): boolean =>
  facets.some((f) => f.key === key && slug(f.value) === slug(value));

/** The grid's state the facets read and write. */
export interface FacetsHost {
  /** Facets the shopper chose. */
  selected: SelectedFacet[];
  /** Keys of the facets showing all their values. */
  expanded: Set<string>;
  /** Keys of the facet groups the shopper closed (their values are left out, and out of the Tab order). */
  collapsed: Set<string>;
  /** Whether the filter drawer is open. */
  drawerOpen: boolean;
  category?: string;
  collection?: string;
  brand?: string;
  facets?: string;
}

export interface FacetsContext {
  host: FacetsHost;
  i18n: LocalizeController<ProductGridMessages>;
  /** The facets search. */
  task: Task<readonly unknown[], FacetsResult>;
  /** The products search: when it failed too, its error (beside the results) is the one shown. */
  search: {status: TaskStatus};
  /** Applies the shopper's filters (a new search from page 1). */
  setFilters: (selected: SelectedFacet[]) => void;
}

function toggle(c: FacetsContext, key: string, value: string, checked: boolean): void {
  const rest = c.host.selected.filter((f) => !(f.key === key && slug(f.value) === slug(value)));
  c.setFilters(checked ? [...rest, {key, value}] : rest);
}

function onPriceRange(c: FacetsContext, e: SubmitEvent): void {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const data = new FormData(form);
  const min = Number(data.get('min') || 0);
  const maxRaw = data.get('max');
  const max = maxRaw ? Number(maxRaw) : 1_000_000;
  if (!(min >= 0) || !(max >= min)) return;
  c.setFilters([...c.host.selected.filter((f) => f.key !== 'price'), {key: 'price', value: `${min}:${max}`}]);
}

/** The filter drawer. A modal dialog makes the page around it inert, so it announces the count itself. */
export function renderDrawer(c: FacetsContext, count: unknown, total: number | undefined) {
  const m = c.i18n.m;
  const close = () => (c.host.drawerOpen = false);
  return html`<dialog part="drawer" aria-label=${m.filters} @close=${close}>
    <div class="drawer-head">
      <h2>${m.filters}</h2>
      <button type="button" class="button" @click=${close}>${c.i18n.common.close}</button>
    </div>
    ${c.host.drawerOpen ? renderFacets(c) : nothing}
    <p class="visually-hidden" role="status">${c.host.drawerOpen ? count : ''}</p>
    <button type="button" class="button primary show-results" @click=${close}>
      ${m.showResults}${total === undefined ? '' : ` (${total})`}
    </button>
  </dialog>`;
}

/** The facet groups (sidebar or drawer), with a "Clear filters" button when the shopper chose some. */
export function renderFacets(c: FacetsContext) {
  const {i18n, task} = c;
  const m = i18n.m;
  const data = task.value;
  // The merchant's fixed filters: their values are not offered.
  const base = merchantFacets(c.host);
  const clear = c.host.selected.length
    ? html`<button type="button" class="button clear" part="clear" @click=${() => c.setFilters([])}>
        ${m.clearFilters}
      </button>`
    : nothing;
  if (task.status === TaskStatus.ERROR) {
    if (c.search.status === TaskStatus.ERROR) return nothing;
    return html`<p class="error-text">${i18n.error(task.error as never)}</p>
      <button type="button" class="button" @click=${() => task.run()}>${i18n.common.retry}</button>`;
  }
  if (!data) {
    return html`<div aria-hidden="true">
      ${[1, 2, 3].map(() => html`<div class="facet-skeleton skeleton"></div>`)}
    </div>`;
  }
  const facets = data.facets
    .filter((f) => !f.hidden)
    .map((f) => ({
      ...f,
      values: f.values.filter(
        (v) =>
          !hasFacet(base, f.key, v.value) && (v.quantity > 0 || hasFacet(c.host.selected, f.key, v.value)),
      ),
    }))
    .filter((f) => f.values.length > 0 || f.type === 'PRICERANGE');
  return html`${clear}${facets.map((f) => renderFacet(c, f))}`;
}

function renderFacet(c: FacetsContext, facet: Facet) {
  const i18n = c.i18n;
  const m = i18n.m;
  const isPrice = facet.type === 'PRICERANGE';
  const open = c.host.expanded.has(facet.key);
  const values = open ? facet.values : facet.values.slice(0, FACET_LIMIT);
  const label = (v: FacetValue) =>
    isPrice && v.range ? `${i18n.decimal(v.range.from)} – ${i18n.decimal(v.range.to)}` : v.name || v.value;
  // A custom price range the shopper typed is shown as a selected value too.
  const custom = isPrice
    ? c.host.selected.filter(
        (f) => f.key === 'price' && !facet.values.some((v) => slug(v.value) === slug(f.value)),
      )
    : [];
  const closed = c.host.collapsed.has(facet.key);
  const flip = (set: Set<string>, on: boolean) => {
    const next = new Set(set);
    if (on) next.delete(facet.key);
    else next.add(facet.key);
    return next;
  };
  const legend = html`<legend>
    <button
      type="button"
      class="facet-toggle"
      part="facet-toggle"
      aria-expanded=${closed ? 'false' : 'true'}
      @click=${() => (c.host.collapsed = flip(c.host.collapsed, closed))}
    >
      ${facet.name}
    </button>
  </legend>`;
  // One template, open or closed: the group name keeps its element, and with it the keyboard focus.
  return html`<fieldset class="facet" part="facet">
    ${legend}
    ${
      closed
        ? nothing
        : values.map(
            (v) =>
              html`<label class="facet-value" part="facet-value">
                <input
                  type="checkbox"
                  .checked=${hasFacet(c.host.selected, facet.key, v.value)}
                  @change=${(e: Event) => toggle(c, facet.key, v.value, (e.target as HTMLInputElement).checked)}
                />
                <span class="facet-name">${label(v)}</span>
                <span class="facet-count"
                  ><span class="visually-hidden">(</span>${v.quantity}<span class="visually-hidden"
                    >)</span
                  ></span
                >
              </label>`,
          )
    }
    ${
      closed
        ? nothing
        : custom.map((f) => {
            const [from = '0', to = ''] = f.value.split(':');
            return html`<label class="facet-value" part="facet-value">
              <input type="checkbox" checked @change=${() => toggle(c, 'price', f.value, false)} />
              <span class="facet-name">${i18n.decimal(Number(from))} – ${i18n.decimal(Number(to))}</span>
            </label>`;
          })
    }
    ${
      facet.values.length > FACET_LIMIT && !closed
        ? html`<button
            type="button"
            class="link-button"
            aria-expanded=${open ? 'true' : 'false'}
            @click=${() => (c.host.expanded = flip(c.host.expanded, open))}
          >
            ${open ? m.showLess : m.showMore(facet.values.length - FACET_LIMIT)}
          </button>`
        : nothing
    }
    ${
      isPrice && !closed
        ? html`<form class="price-range" part="price-range" @submit=${(e: SubmitEvent) => onPriceRange(c, e)}>
            <label
              ><span class="visually-hidden">${m.min}</span
              ><input name="min" type="number" min="0" step="any" inputmode="decimal" placeholder=${m.min}
            /></label>
            <span aria-hidden="true">–</span>
            <label
              ><span class="visually-hidden">${m.max}</span
              ><input name="max" type="number" min="0" step="any" inputmode="decimal" placeholder=${m.max}
            /></label>
            <button type="submit" class="button">${m.apply}</button>
          </form>`
        : nothing
    }
  </fieldset>`;
}
