/** English, the source: every other locale has the same keys (the type checker enforces it). */
const messages = {
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

export default messages;
