import {defineMessages} from '../../i18n/messages.js';
import {withCatalogPack, type CatalogMessages} from '../shared-catalog/catalog.messages.js';

/** The message map's shape: en is the source. */
export type ProductMessages = CatalogMessages & typeof import('./product.messages.en.js').default;

export const messages = defineMessages<ProductMessages>({
  en: withCatalogPack('en', () => import('./product.messages.en.js')),
  'pt-BR': withCatalogPack('pt-BR', () => import('./product.messages.pt-BR.js')),
  es: withCatalogPack('es', () => import('./product.messages.es.js')),
});
