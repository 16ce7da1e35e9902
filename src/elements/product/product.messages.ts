import {defineMessages} from '../../i18n/messages.js';
import {catalogMessages} from '../shared-catalog/catalog.messages.js';

export const messages = defineMessages({
  en: {
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
  },
  'pt-BR': {
    ...catalogMessages['pt-BR'],
    gallery: 'Imagens do produto',
    imageN: (n: number, total: number) => `Imagem ${n} de ${total}`,
    quantity: 'Quantidade',
    description: 'Descrição',
    specifications: 'Especificações',
    notFound: 'Não encontramos este produto.',
    notFoundHint: 'Ele pode ter sido removido ou o link pode estar errado.',
    loadingProduct: 'Carregando produto…',
    chooseAll: 'Escolha uma opção para cada variação.',
    selected: (axis: string, value: string) => `${axis}: ${value}`,
  },
  es: {
    ...catalogMessages.es,
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
  },
});
