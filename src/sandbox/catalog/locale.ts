/**
 * The generated catalog in the store's language: facet names and specification names as a Brazilian,
 * Spanish-speaking or English VTEX store's own catalog writes them. Facet keys (`size`, `color`, `brand`…)
 * stay the same in every language, so URLs and filters do not change with it. A user seed is served as given.
 */
import type {CatalogSeed, ISProduct} from './types.js';

export type CatalogLanguage = 'pt' | 'es' | 'en';

/** `pt-BR` → `pt`; anything that is not Spanish or English is Portuguese (the sandbox's default store). */
export function catalogLanguage(locale: string | undefined): CatalogLanguage {
  const lang = (locale ?? 'pt-BR').toLowerCase().split(/[-_]/)[0];
  return lang === 'es' || lang === 'en' ? lang : 'pt';
}

/** Names of the built-in facets, by key. */
export const FACET_NAMES: Record<CatalogLanguage, Record<string, string>> = {
  pt: {
    'category-1': 'Departamento',
    'category-2': 'Categoria',
    'category-3': 'Subcategoria',
    brand: 'Marca',
    price: 'Preço',
  },
  es: {
    'category-1': 'Departamento',
    'category-2': 'Categoría',
    'category-3': 'Subcategoría',
    brand: 'Marca',
    price: 'Precio',
  },
  en: {
    'category-1': 'Department',
    'category-2': 'Category',
    'category-3': 'Subcategory',
    brand: 'Brand',
    price: 'Price',
  },
};

/** Specification names of the generated seed (as written there) in each language. */
const SPEC_NAMES: Record<string, Record<CatalogLanguage, string>> = {
  Size: {pt: 'Tamanho', es: 'Talla', en: 'Size'},
  Color: {pt: 'Cor', es: 'Color', en: 'Color'},
  Material: {pt: 'Material', es: 'Material', en: 'Material'},
  Garantia: {pt: 'Garantia', es: 'Garantía', en: 'Warranty'},
  Origem: {pt: 'Origem', es: 'Origen', en: 'Origin'},
  Especificações: {pt: 'Especificações', es: 'Especificaciones', en: 'Specifications'},
};

export interface LocalizedSeed {
  seed: CatalogSeed;
  /** Translated specification name → the seed's own name, from which the facet key is made. */
  keyName(name: string): string;
}

/** The generated seed with its specification names in `lang`; `originalName` keeps the seed's name. */
export function localizeSeed(seed: CatalogSeed, lang: CatalogLanguage): LocalizedSeed {
  const back = new Map<string, string>();
  const t = (name: string): string => {
    const translated = SPEC_NAMES[name]?.[lang] ?? name;
    back.set(translated, name);
    return translated;
  };
  const product = (p: ISProduct): ISProduct => ({
    ...p,
    specificationGroups: p.specificationGroups.map((g) => ({
      ...g,
      name: g.name === 'allSpecifications' ? g.name : t(g.name),
      specifications: g.specifications.map((s) => ({...s, name: t(s.name)})),
    })),
    properties: p.properties.map((s) => ({...s, name: t(s.name)})),
    skuSpecifications: p.skuSpecifications.map((s) => ({...s, field: {...s.field, name: t(s.field.name)}})),
    items: p.items.map((i) => ({...i, variations: i.variations.map((v) => ({...v, name: t(v.name)}))})),
  });
  return {
    seed: {categories: seed.categories, products: seed.products.map(product)},
    keyName: (name) => back.get(name) ?? name,
  };
}
