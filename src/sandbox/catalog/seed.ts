/**
 * Deterministic generator of the default sandbox catalog (VTEX-shaped, see `types.ts` and README.md).
 * Products "1"–"5" are fixed fixtures for tests; the rest is generated from a seeded PRNG.
 */
import type {
  CatalogSeed,
  CategoryNode,
  ISCluster,
  ISImage,
  ISInstallment,
  ISProduct,
  ISSku,
  ISSkuSpecification,
  ISSpecification,
} from './types.js';
import {mulberry32} from '../../domain/prng.js';
import {hash, round2, slugify} from './text.js';

export const DEFAULT_RANDOM_SEED = 20260821;
/** Number of generated products, fixtures included. */
export const PRODUCT_COUNT = 520;

export const CLUSTERS = {
  summer: {id: '137', name: 'Summer'},
  bestSellers: {id: '138', name: 'Best sellers'},
  newArrivals: {id: '139', name: 'New arrivals'},
} as const satisfies Record<string, ISCluster>;

const PRICE_VALID_UNTIL = '2030-12-31T23:59:59Z';
/** Release dates are spread over the 2 years before this instant (fixed, so the seed is deterministic). */
const RELEASE_EPOCH = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

type Axes = 'apparel' | 'shoes' | 'color' | 'none';

interface LeafSpec {
  name: string;
  nouns: string[];
  adjectives: string[];
  extras: string[];
  price: [number, number];
  axes: Axes;
  /** Product-level specification (facet) for this leaf. */
  spec: {name: string; values: string[]};
  summer?: boolean;
}

interface DeptSpec {
  name: string;
  brands: string[];
  categories: {name: string; leaves: LeafSpec[]}[];
}

const APPAREL_ADJ = [
  'Básica',
  'Estampada',
  'Listrada',
  'Premium',
  'Slim',
  'Confort',
  'Clássica',
  'Esportiva',
];
const MAT_CLOTH = {name: 'Material', values: ['Algodão', 'Linho', 'Poliéster', 'Malha']};
const MAT_SHOE = {name: 'Material', values: ['Couro', 'Sintético', 'Tecido']};
const MAT_HOME = {name: 'Material', values: ['Cerâmica', 'Inox', 'Vidro', 'Madeira']};
const WARRANTY = {name: 'Garantia', values: ['12 meses', '24 meses']};
const ORIGIN = {name: 'Origem', values: ['Minas Gerais', 'Bahia', 'Espírito Santo', 'São Paulo']};

const DEPARTMENTS: DeptSpec[] = [
  {
    name: 'Apparel',
    brands: ['Aurora', 'Tropicália', 'Urbano', 'Maré Alta'],
    categories: [
      {
        name: 'Shirts',
        leaves: [
          leaf(
            'T-Shirts',
            ['Camiseta'],
            APPAREL_ADJ,
            ['Algodão', 'Gola V', 'Manga Longa', 'Oversized'],
            [39, 129],
            'apparel',
            MAT_CLOTH,
            true,
          ),
          leaf(
            'Polo Shirts',
            ['Camisa Polo'],
            APPAREL_ADJ,
            ['Piquet', 'Algodão', 'Bordada'],
            [79, 199],
            'apparel',
            MAT_CLOTH,
          ),
          leaf(
            'Dress Shirts',
            ['Camisa Social'],
            APPAREL_ADJ,
            ['Linho', 'Xadrez', 'Manga Curta'],
            [99, 259],
            'apparel',
            MAT_CLOTH,
          ),
        ],
      },
      {
        name: 'Pants',
        leaves: [
          leaf(
            'Jeans',
            ['Calça Jeans'],
            ['Skinny', 'Reta', 'Destroyed', 'Clássica', 'Confort'],
            ['Azul Escuro', 'Stretch', 'Cintura Alta'],
            [119, 299],
            'apparel',
            MAT_CLOTH,
          ),
          leaf(
            'Shorts',
            ['Bermuda', 'Short'],
            APPAREL_ADJ,
            ['Sarja', 'Praia', 'Moletom'],
            [49, 149],
            'apparel',
            MAT_CLOTH,
            true,
          ),
        ],
      },
      {
        name: 'Shoes',
        leaves: [
          leaf(
            'Sneakers',
            ['Tênis'],
            ['Casual', 'Urbano', 'Clássico', 'Retrô', 'Leve'],
            ['Couro', 'Lona', 'Cano Alto'],
            [149, 499],
            'shoes',
            MAT_SHOE,
          ),
          leaf(
            'Sandals',
            ['Sandália', 'Chinelo'],
            ['Confort', 'Praia', 'Tropical', 'Clássica'],
            ['Couro', 'Borracha'],
            [29, 189],
            'shoes',
            MAT_SHOE,
            true,
          ),
        ],
      },
    ],
  },
  {
    name: 'Home',
    brands: ['Casa Bela', 'Cozinha & Cia', 'Lumière'],
    categories: [
      {
        name: 'Kitchen',
        leaves: [
          leaf(
            'Cookware',
            ['Panela', 'Frigideira', 'Caçarola'],
            ['Antiaderente', 'Inox', 'Cerâmica', 'Ferro Fundido'],
            ['20 cm', '24 cm', '28 cm'],
            [89, 459],
            'none',
            MAT_HOME,
          ),
          leaf(
            'Mugs & Cups',
            ['Caneca', 'Xícara', 'Copo'],
            ['Cerâmica', 'Térmica', 'Esmaltada', 'Artesanal'],
            ['350 ml', '450 ml', 'Café'],
            [19, 89],
            'color',
            MAT_HOME,
          ),
          leaf(
            'Utensils',
            ['Espátula', 'Concha', 'Tábua', 'Faca'],
            ['Profissional', 'Silicone', 'Bambu', 'Inox'],
            ['Chef', 'Multiuso'],
            [15, 149],
            'none',
            MAT_HOME,
          ),
        ],
      },
      {
        name: 'Decor',
        leaves: [
          leaf(
            'Cushions',
            ['Almofada', 'Capa de Almofada'],
            ['Veludo', 'Linho', 'Geométrica', 'Floral'],
            ['45x45', '50x50'],
            [39, 119],
            'color',
            MAT_HOME,
          ),
          leaf(
            'Lamps',
            ['Luminária', 'Abajur', 'Pendente'],
            ['Moderna', 'Industrial', 'Escandinava', 'Vintage'],
            ['de Mesa', 'de Chão', 'LED'],
            [89, 599],
            'none',
            MAT_HOME,
          ),
        ],
      },
    ],
  },
  {
    name: 'Electronics',
    brands: ['Sonora', 'Voltix', 'Pixelar'],
    categories: [
      {
        name: 'Audio',
        leaves: [
          leaf(
            'Headphones',
            ['Fone de Ouvido', 'Headset'],
            ['Bluetooth', 'Sem Fio', 'Gamer', 'Esportivo'],
            ['com Cancelamento de Ruído', 'Over-Ear', 'In-Ear'],
            [79, 1299],
            'color',
            WARRANTY,
          ),
          leaf(
            'Speakers',
            ['Caixa de Som', 'Soundbar'],
            ['Portátil', 'Bluetooth', 'Inteligente', 'À Prova d’Água'],
            ['20W', '40W', '100W'],
            [129, 1899],
            'color',
            WARRANTY,
          ),
        ],
      },
      {
        name: 'Phones',
        leaves: [
          leaf(
            'Smartphones',
            ['Smartphone'],
            ['Pixelar X', 'Voltix Neo', 'Sonora One', 'Pixelar Lite'],
            ['128GB', '256GB', '5G'],
            [899, 4999],
            'color',
            WARRANTY,
          ),
          leaf(
            'Phone Accessories',
            ['Capa', 'Carregador', 'Cabo USB-C', 'Película'],
            ['Turbo', 'Reforçada', 'Magnética', 'Universal'],
            ['1 m', '2 m', '25W'],
            [19, 199],
            'none',
            WARRANTY,
          ),
        ],
      },
      {
        name: 'TV & Video',
        leaves: [
          leaf(
            'Televisions',
            ['Smart TV'],
            ['4K', 'QLED', 'Full HD', 'OLED'],
            ['43"', '50"', '55"', '65"'],
            [1499, 8999],
            'none',
            WARRANTY,
          ),
        ],
      },
    ],
  },
  {
    name: 'Sports',
    brands: ['Atleta Pro', 'Pedal Livre', 'Zen Fit'],
    categories: [
      {
        name: 'Fitness',
        leaves: [
          leaf(
            'Yoga',
            ['Tapete de Yoga', 'Bloco de Yoga'],
            ['Antiderrapante', 'Ecológico', 'Premium'],
            ['6 mm', '8 mm', 'Cortiça'],
            [49, 259],
            'color',
            {name: 'Material', values: ['Borracha', 'Cortiça', 'EVA']},
          ),
          leaf(
            'Weights',
            ['Halter', 'Kettlebell', 'Anilha'],
            ['Emborrachado', 'Ferro', 'Ajustável'],
            ['2 kg', '5 kg', '10 kg'],
            [39, 499],
            'none',
            {name: 'Material', values: ['Ferro', 'Borracha', 'Vinil']},
          ),
        ],
      },
      {
        name: 'Running',
        leaves: [
          leaf(
            'Running Shoes',
            ['Tênis de Corrida'],
            ['Veloz', 'Maratona', 'Trail', 'Amortecido'],
            ['Pro', 'Leve', 'Respirável'],
            [199, 899],
            'shoes',
            MAT_SHOE,
          ),
          leaf(
            'Running Apparel',
            ['Camiseta Dry Fit', 'Regata', 'Jaqueta Corta-Vento'],
            ['Esportiva', 'Refletiva', 'Ultraleve'],
            ['Unissex', 'Feminina', 'Masculina'],
            [59, 299],
            'apparel',
            {name: 'Material', values: ['Poliéster', 'Poliamida']},
            true,
          ),
        ],
      },
      {
        name: 'Cycling',
        leaves: [
          leaf(
            'Bikes',
            ['Bicicleta'],
            ['Urbana', 'Mountain Bike', 'Speed', 'Elétrica'],
            ['Aro 26', 'Aro 29', '21 Marchas'],
            [999, 7999],
            'none',
            {name: 'Material', values: ['Alumínio', 'Aço', 'Carbono']},
          ),
          leaf(
            'Helmets',
            ['Capacete'],
            ['Ciclismo', 'Urbano', 'Aerodinâmico'],
            ['com LED', 'Ventilado'],
            [99, 499],
            'color',
            {name: 'Material', values: ['EPS', 'Policarbonato']},
          ),
        ],
      },
    ],
  },
  {
    name: 'Grocery',
    brands: ['Fazenda Serrana', 'Cacau Real', 'Chá das Cinco'],
    categories: [
      {
        name: 'Beverages',
        leaves: [
          leaf(
            'Café',
            ['Café'],
            ['Especial', 'Orgânico', 'Gourmet', 'Descafeinado', 'Extraforte'],
            ['em Grãos 500g', 'Moído 250g', 'Cápsulas 10un'],
            [19, 89],
            'none',
            ORIGIN,
          ),
          leaf(
            'Tea',
            ['Chá'],
            ['Verde', 'Preto', 'Camomila', 'Hibisco', 'Mate'],
            ['Caixa 20 Sachês', 'a Granel 100g'],
            [9, 49],
            'none',
            ORIGIN,
            true,
          ),
        ],
      },
      {
        name: 'Pantry',
        leaves: [
          leaf(
            'Chocolates',
            ['Chocolate', 'Bombom'],
            ['Meio Amargo', 'Ao Leite', 'Branco', '70% Cacau'],
            ['100g', 'Caixa 250g'],
            [9, 79],
            'none',
            ORIGIN,
          ),
          leaf(
            'Snacks',
            ['Granola', 'Mix de Castanhas', 'Biscoito'],
            ['Integral', 'Sem Glúten', 'Caseiro', 'Zero Açúcar'],
            ['200g', '500g'],
            [9, 59],
            'none',
            ORIGIN,
          ),
        ],
      },
    ],
  },
];

function leaf(
  name: string,
  nouns: string[],
  adjectives: string[],
  extras: string[],
  price: [number, number],
  axes: Axes,
  spec: {name: string; values: string[]},
  summer = false,
): LeafSpec {
  return {name, nouns, adjectives, extras, price, axes, spec, summer};
}

const COLORS = ['Azul', 'Preto', 'Branco', 'Vermelho', 'Verde', 'Cinza', 'Amarelo', 'Rosa'];
const CLOTH_SIZES = ['P', 'M', 'G', 'GG'];
const SHOE_SIZES = ['37', '38', '39', '40', '41', '42', '43'];

/** Category facts resolved while building the tree. */
interface LeafRef {
  spec: LeafSpec;
  brands: string[];
  ids: number[];
  names: string[];
}

function buildTree(): {categories: CategoryNode[]; leaves: LeafRef[]} {
  let nextId = 1;
  const leaves: LeafRef[] = [];
  const node = (name: string, parentUrl: string): CategoryNode => ({
    id: nextId++,
    name,
    hasChildren: false,
    url: `${parentUrl}/${slugify(name)}`,
    children: [],
    Title: name,
    MetaTagDescription: `${name} na loja sandbox`,
  });
  const categories = DEPARTMENTS.map((dept) => {
    const d = node(dept.name, '');
    for (const cat of dept.categories) {
      const c = node(cat.name, d.url);
      for (const l of cat.leaves) {
        const n = node(l.name, c.url);
        c.children.push(n);
        leaves.push({spec: l, brands: dept.brands, ids: [d.id, c.id, n.id], names: [d.name, c.name, n.name]});
      }
      c.hasChildren = c.children.length > 0;
      d.children.push(c);
    }
    d.hasChildren = d.children.length > 0;
    return d;
  });
  return {categories, leaves};
}

/** Brand id: stable per brand name. */
export function brandIdOf(brand: string): number {
  return 2000000 + (hash(brand) % 100000);
}

/** Deterministic pseudo "orders in the last 90 days" count used by `sort=orders:desc`. */
export function ordersOf(productId: string): number {
  return hash(`orders:${productId}`) % 5000;
}

function charmPrice(value: number, rnd: () => number): number {
  const base = Math.max(1, Math.floor(value));
  return rnd() < 0.5 ? base + 0.9 : base + 0.99;
}

/** Visa installments without interest while each one stays ≥ R$ 20, up to 10x (12x above R$ 1,000). */
export function installmentsFor(price: number): ISInstallment[] {
  const max = price >= 1000 ? 12 : Math.min(10, Math.max(1, Math.floor(price / 20)));
  const out: ISInstallment[] = [];
  for (let n = 1; n <= max; n++) {
    out.push({
      Value: round2(price / n),
      InterestRate: 0,
      TotalValuePlusInterestRate: price,
      NumberOfInstallments: n,
      Name: n === 1 ? 'Visa à vista' : `Visa ${n} vezes sem juros`,
      PaymentSystemName: 'Visa',
    });
  }
  return out;
}

interface SkuDraft {
  dims: Record<string, string>;
  price: number;
  listPrice: number;
  stock: number;
}

interface ProductDraft {
  id: string;
  name: string;
  leaf: LeafRef;
  brand: string;
  description: string;
  specValue: string;
  axes: string[];
  skus: SkuDraft[];
  releaseDate: number;
  clusters: ISCluster[];
}

function imageFor(productSlug: string, imageId: number, text: string, suffix: string): ISImage {
  const name = suffix ? `${productSlug}-${slugify(suffix)}` : productSlug;
  return {
    imageId: String(imageId),
    imageUrl: `/arquivos/ids/${imageId}/${name}.svg`,
    imageText: text,
    imageLabel: '',
    imageTag: '',
    cacheId: String(imageId),
  };
}

function toProduct(d: ProductDraft, slug: string): ISProduct {
  const [deptName, catName, leafName] = d.leaf.names;
  const [deptId, catId, leafId] = d.leaf.ids;
  const brandId = brandIdOf(d.brand);
  const productReference = `REF-${d.id.padStart(5, '0')}`;
  const items: ISSku[] = d.skus.map((s, i) => {
    const itemId = String(Number(d.id) * 100 + i + 1);
    const skuName = d.axes.length ? d.axes.map((a) => s.dims[a]).join(' / ') : d.name;
    const color = s.dims['Color'] ?? '';
    return {
      itemId,
      name: skuName,
      nameComplete: d.axes.length ? `${d.name} ${skuName}` : d.name,
      complementName: '',
      ean: `789${String(hash(itemId) % 1e10).padStart(10, '0')}`,
      referenceId: [{Key: 'RefId', Value: `${productReference}-${i + 1}`}],
      measurementUnit: 'un',
      unitMultiplier: 1,
      variations: d.axes.map((a) => ({name: a, values: [s.dims[a] ?? '']})),
      images: [imageFor(slug, 150000 + Number(itemId), d.name, color)],
      sellers: [
        {
          sellerId: '1',
          sellerName: 'Loja Sandbox',
          sellerDefault: true,
          addToCartLink: '',
          commertialOffer: {
            Price: s.price,
            ListPrice: s.listPrice,
            PriceWithoutDiscount: s.listPrice,
            spotPrice: s.price,
            AvailableQuantity: s.stock,
            Tax: 0,
            taxPercentage: 0,
            PriceValidUntil: PRICE_VALID_UNTIL,
            RewardValue: 0,
            Installments: installmentsFor(s.price),
            teasers: [],
            discountHighlights: [],
            GiftSkuIds: [],
          },
        },
      ],
      isKit: false,
      attachments: [],
      videos: [],
      modalType: '',
      estimatedDateArrival: null,
    };
  });
  const skuSpecifications: ISSkuSpecification[] = d.axes.map((a) => {
    const values = [...new Set(d.skus.map((s) => s.dims[a] ?? ''))];
    return {
      field: {name: a, originalName: a},
      values: values.map((v) => ({name: v, originalName: v})),
    };
  });
  const productSpecs: ISSpecification[] = [
    {name: d.leaf.spec.spec.name, originalName: d.leaf.spec.spec.name, values: [d.specValue]},
  ];
  const highlights = d.clusters.filter((c) => c.id === CLUSTERS.bestSellers.id);
  return {
    cacheId: `sp-${d.id}`,
    productId: d.id,
    productName: d.name,
    description: d.description,
    productReference,
    linkText: slug,
    link: `/${slug}/p`,
    brand: d.brand,
    brandId,
    categories: [`/${deptName}/${catName}/${leafName}/`, `/${deptName}/${catName}/`, `/${deptName}/`],
    categoryId: String(leafId),
    categoriesIds: [`/${deptId}/${catId}/${leafId}/`, `/${deptId}/${catId}/`, `/${deptId}/`],
    priceRange: priceRangeOf(items),
    specificationGroups: [
      {name: 'Especificações', originalName: 'Especificações', specifications: productSpecs},
      {
        name: 'allSpecifications',
        originalName: 'allSpecifications',
        specifications: [...productSpecs, {name: 'sellerId', originalName: 'sellerId', values: ['1']}],
      },
    ],
    skuSpecifications,
    productClusters: d.clusters,
    clusterHighlights: highlights,
    properties: productSpecs,
    items,
    releaseDate: d.releaseDate,
    origin: 'intelligent-search',
  };
}

/** `priceRange` over the available SKUs (all SKUs when none is available). */
export function priceRangeOf(items: ISSku[]): ISProduct['priceRange'] {
  const offers = items.flatMap((i) => i.sellers.map((s) => s.commertialOffer));
  const available = offers.filter((o) => o.AvailableQuantity > 0);
  const use = available.length ? available : offers;
  const sp = use.map((o) => o.Price);
  const lp = use.map((o) => o.ListPrice);
  return {
    sellingPrice: {highPrice: Math.max(...sp, 0), lowPrice: sp.length ? Math.min(...sp) : 0},
    listPrice: {highPrice: Math.max(...lp, 0), lowPrice: lp.length ? Math.min(...lp) : 0},
  };
}

function describe(
  name: string,
  brand: string,
  spec: {name: string; value: string},
  rnd: () => number,
): string {
  const pitches = [
    'Feito para o dia a dia, com acabamento cuidadoso.',
    'Qualidade que você sente desde o primeiro uso.',
    'Um clássico da nossa loja, escolhido por milhares de clientes.',
    'Design pensado para durar, com ótimo custo-benefício.',
  ];
  const pitch = pitches[Math.floor(rnd() * pitches.length)] ?? '';
  return (
    `<p>${name} da marca <strong>${brand}</strong>. ${pitch}</p>` +
    `<ul><li>${spec.name}: ${spec.value}</li><li>Garantia do fabricante</li></ul>`
  );
}

function pick<T>(list: readonly T[], rnd: () => number): T {
  const v = list[Math.floor(rnd() * list.length)];
  if (v === undefined) throw new Error('pick from empty list');
  return v;
}

function pickSome<T>(list: readonly T[], min: number, max: number, rnd: () => number): T[] {
  const n = min + Math.floor(rnd() * (max - min + 1));
  const start = Math.floor(rnd() * list.length);
  const out: T[] = [];
  for (let i = 0; i < Math.min(n, list.length); i++) {
    const v = list[(start + i) % list.length];
    if (v !== undefined) out.push(v);
  }
  return out;
}

function cartesian(axes: {name: string; values: string[]}[]): Record<string, string>[] {
  let acc: Record<string, string>[] = [{}];
  for (const axis of axes) {
    acc = acc.flatMap((combo) => axis.values.map((v) => ({...combo, [axis.name]: v})));
  }
  return acc;
}

function leafByName(leaves: LeafRef[], name: string): LeafRef {
  const found = leaves.find((l) => l.spec.name === name);
  if (!found) throw new Error(`unknown leaf ${name}`);
  return found;
}

/** Fixed fixtures, documented in README.md. */
function fixtures(leaves: LeafRef[]): ProductDraft[] {
  const t = RELEASE_EPOCH - 30 * DAY;
  const tshirt: ProductDraft = {
    id: '1',
    name: 'Camiseta Básica Algodão',
    leaf: leafByName(leaves, 'T-Shirts'),
    brand: 'Aurora',
    description:
      '<p>Camiseta básica de <strong>algodão</strong> penteado, macia e respirável.</p>' +
      '<ul><li>100% algodão</li><li>Gola careca</li><li>Lavar à mão</li></ul>',
    specValue: 'Algodão',
    axes: ['Size', 'Color'],
    skus: cartesian([
      {name: 'Size', values: ['P', 'M', 'G']},
      {name: 'Color', values: ['Azul', 'Preto']},
    ]).map((dims) => ({
      dims,
      price: 59.9,
      listPrice: 79.9,
      // SKU 106 = G / Preto is out of stock.
      stock: dims['Size'] === 'G' && dims['Color'] === 'Preto' ? 0 : 25,
    })),
    releaseDate: t,
    clusters: [CLUSTERS.summer, CLUSTERS.bestSellers],
  };
  const coffee: ProductDraft = {
    id: '2',
    name: 'Café Orgânico Torrado em Grãos 500g',
    leaf: leafByName(leaves, 'Café'),
    brand: 'Fazenda Serrana',
    description:
      '<p>Café <strong>orgânico</strong> das montanhas, torra média.</p><ul><li>Origem: Minas Gerais</li></ul>',
    specValue: 'Minas Gerais',
    axes: [],
    skus: [{dims: {}, price: 42.9, listPrice: 42.9, stock: 100}],
    releaseDate: t - 200 * DAY,
    clusters: [CLUSTERS.bestSellers],
  };
  const soldOut: ProductDraft = {
    id: '3',
    name: 'Tênis de Corrida Esgotado',
    leaf: leafByName(leaves, 'Running Shoes'),
    brand: 'Atleta Pro',
    description: '<p>Modelo esgotado: <strong>todas</strong> as numerações sem estoque.</p>',
    specValue: 'Tecido',
    axes: ['Size'],
    skus: ['39', '40', '41'].map((size) => ({dims: {Size: size}, price: 299.9, listPrice: 399.9, stock: 0})),
    releaseDate: t - 400 * DAY,
    clusters: [],
  };
  const longName: ProductDraft = {
    id: '4',
    name:
      'Jogo de Panelas Antiaderente Premium com Tampas de Vidro Temperado, Cabos Ergonômicos de Silicone ' +
      'e Revestimento Cerâmico Livre de PFOA — 10 Peças',
    leaf: leafByName(leaves, 'Cookware'),
    brand: 'Cozinha & Cia',
    description:
      '<p>Conjunto completo com <strong>10 peças</strong>.</p><ul><li>Cerâmica</li><li>Indução</li></ul>',
    specValue: 'Cerâmica',
    axes: [],
    skus: [{dims: {}, price: 1299.9, listPrice: 1899.9, stock: 8}],
    releaseDate: t - 10 * DAY,
    clusters: [],
  };
  const xss: ProductDraft = {
    id: '5',
    name: 'Caneca Teste de Sanitização',
    leaf: leafByName(leaves, 'Mugs & Cups'),
    brand: 'Casa Bela',
    description:
      '<p>Descrição com HTML hostil para testar sanitizadores.</p>' +
      '<img src=x onerror=alert(1)><script>alert(1)</script>' +
      '<ul><li><strong>Cerâmica</strong></li></ul>',
    specValue: 'Cerâmica',
    axes: [],
    skus: [{dims: {}, price: 34.9, listPrice: 34.9, stock: 40}],
    releaseDate: t - 60 * DAY,
    clusters: [],
  };
  return [tshirt, coffee, soldOut, longName, xss];
}

function generated(id: number, leafRef: LeafRef, rnd: () => number, usedNames: Set<string>): ProductDraft {
  const s = leafRef.spec;
  let name = '';
  for (let attempt = 0; attempt < 6; attempt++) {
    name = `${pick(s.nouns, rnd)} ${pick(s.adjectives, rnd)}`;
    if (rnd() < 0.8) name += ` ${pick(s.extras, rnd)}`;
    if (!usedNames.has(name)) break;
  }
  if (usedNames.has(name)) name += ` ${id}`;
  usedNames.add(name);
  const brand = pick(leafRef.brands, rnd);
  const specValue = pick(s.spec.values, rnd);
  const [min, max] = s.price;
  const list = charmPrice(min + rnd() * (max - min), rnd);
  const discounted = rnd() < 0.35;
  const price = discounted ? charmPrice(list * (0.6 + rnd() * 0.3), rnd) : list;
  const variationProbability =
    s.axes === 'apparel' || s.axes === 'shoes' ? 0.95 : s.axes === 'color' ? 0.6 : 0;
  const axes: {name: string; values: string[]}[] = [];
  if (rnd() < variationProbability) {
    if (s.axes === 'apparel') axes.push({name: 'Size', values: pickSome(CLOTH_SIZES, 3, 4, rnd)});
    if (s.axes === 'shoes') axes.push({name: 'Size', values: pickSome(SHOE_SIZES, 3, 5, rnd)});
    axes.push({name: 'Color', values: pickSome(COLORS, s.axes === 'shoes' ? 1 : 2, 3, rnd)});
  }
  const stockOf = (): number => (rnd() < 0.12 ? 0 : 1 + Math.floor(rnd() * 60));
  const skus: SkuDraft[] = cartesian(axes).map((dims) => {
    const bump = dims['Size'] === 'GG' ? 10 : 0;
    return {dims, price: round2(price + bump), listPrice: round2(list + bump), stock: stockOf()};
  });
  const releaseDate = RELEASE_EPOCH - Math.floor(rnd() * 730) * DAY;
  const clusters: ISCluster[] = [];
  if (s.summer && rnd() < 0.6) clusters.push(CLUSTERS.summer);
  const pid = String(id);
  if (ordersOf(pid) > 4500) clusters.push(CLUSTERS.bestSellers);
  if (releaseDate > RELEASE_EPOCH - 45 * DAY) clusters.push(CLUSTERS.newArrivals);
  return {
    id: pid,
    name,
    leaf: leafRef,
    brand,
    description: describe(name, brand, {name: s.spec.name, value: specValue}, rnd),
    specValue,
    axes: axes.map((a) => a.name),
    skus,
    releaseDate,
    clusters,
  };
}

/**
 * Builds the default catalog. Same `randomSeed` → same catalog (byte for byte once serialized).
 * @param randomSeed PRNG seed; defaults to {@link DEFAULT_RANDOM_SEED}.
 */
export function generateSeed(randomSeed: number = DEFAULT_RANDOM_SEED): CatalogSeed {
  const rnd = mulberry32(randomSeed);
  const {categories, leaves} = buildTree();
  const drafts = fixtures(leaves);
  const usedNames = new Set(drafts.map((d) => d.name));
  for (let id = drafts.length + 1; id <= PRODUCT_COUNT; id++) {
    const leafRef = leaves[(id * 7 + Math.floor(rnd() * 3)) % leaves.length];
    if (!leafRef) throw new Error('no leaves');
    drafts.push(generated(id, leafRef, rnd, usedNames));
  }
  const usedSlugs = new Set<string>();
  const products = drafts.map((d) => {
    let slug = slugify(d.name);
    if (usedSlugs.has(slug)) slug = `${slug}-${d.id}`;
    usedSlugs.add(slug);
    return toProduct(d, slug);
  });
  return {categories, products};
}
