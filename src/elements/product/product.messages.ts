import {defineMessages} from '../../i18n/messages.js';
import {catalogMessages, withCatalogPack} from '../shared-catalog/catalog.messages.js';

const en = {
  ...catalogMessages.en,
  gallery: 'Product images',
  imageN: (n: number, total: number) => `Image ${n} of ${total}`,
  quantity: 'Quantity',
  description: 'Description',
  specifications: 'Specifications',
  notFound: 'We could not find this product.',
  notFoundHint: 'It may have been removed or the link may be wrong.',
  loadingProduct: 'Loading product…',
  chooseAll: 'Choose an option for each variation.',
  selected: (axis: string, value: string) => `${axis}: ${value}`,
};

/** The message map's shape: en is the source. */
export type ProductMessages = typeof en;

export const messages = defineMessages<ProductMessages>({
  en,
  'pt-BR': withCatalogPack('pt-BR', () => import('./product.messages.pt-BR.js')),
  es: withCatalogPack('es', () => import('./product.messages.es.js')),
});
