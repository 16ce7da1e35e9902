import {defineMessages} from '../../i18n/messages.js';
import {withCatalogPack, type CatalogMessages} from '../shared-catalog/catalog.messages.js';

/** The message map's shape: en is the source. */
export type ProductGridMessages = CatalogMessages & typeof import('./product-grid.messages.en.js').default;

export const messages = defineMessages<ProductGridMessages>({
  en: withCatalogPack('en', () => import('./product-grid.messages.en.js')),
  'pt-BR': withCatalogPack('pt-BR', () => import('./product-grid.messages.pt-BR.js')),
  es: withCatalogPack('es', () => import('./product-grid.messages.es.js')),
});
