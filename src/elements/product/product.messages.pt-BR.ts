import type {CatalogMessages} from '../shared-catalog/catalog.messages.js';
import type {ProductMessages} from './product.messages.js';

const messages: Omit<ProductMessages, keyof CatalogMessages> = {
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
};

export default messages;
