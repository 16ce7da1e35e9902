import type {CatalogMessages} from '../shared-catalog/catalog.messages.js';
import type {ProductMessages} from './product.messages.js';

const messages: Omit<ProductMessages, keyof CatalogMessages> = {
  gallery: 'Imágenes del producto',
  imageN: (n: number, total: number) => `Imagen ${n} de ${total}`,
  quantity: 'Cantidad',
  description: 'Descripción',
  specifications: 'Especificaciones',
  notFound: 'No encontramos este producto.',
  notFoundHint: 'Puede que se haya retirado o que el enlace sea incorrecto.',
  loadingProduct: 'Cargando producto…',
  chooseAll: 'Elige una opción para cada variación.',
  selected: (axis: string, value: string) => `${axis}: ${value}`,
};

export default messages;
