/**
 * VTEX-shaped types for the sandbox catalog. The seed format reuses VTEX's own payload shapes so a user can
 * replace the generated catalog with data exported from a real store:
 * - categories: `Catalog#CategoryTree` nodes;
 * - products: Intelligent Search v1 products (`ISv1#GET /product-search/{facets}` → `products[]`), money in
 *   decimal currency units, `commertialOffer.AvailableQuantity` used as the stock.
 */

/** One node of `GET /api/catalog_system/pub/category/tree/{levels}`. */
export interface CategoryNode {
  id: number;
  name: string;
  hasChildren: boolean;
  /** Root-relative (`/apparel/shirts`) or absolute; the last path segment is the category slug. */
  url: string;
  children: CategoryNode[];
  Title: string;
  MetaTagDescription: string;
}

export interface ISInstallment {
  Value: number;
  InterestRate: number;
  TotalValuePlusInterestRate: number;
  NumberOfInstallments: number;
  Name: string;
  PaymentSystemName: string;
}

export interface ISCommertialOffer {
  Price: number;
  ListPrice: number;
  PriceWithoutDiscount: number;
  spotPrice: number;
  /** Units in stock; 0 = unavailable. */
  AvailableQuantity: number;
  Tax: number;
  taxPercentage: number;
  PriceValidUntil: string;
  RewardValue: number;
  Installments: ISInstallment[];
  teasers: unknown[];
  discountHighlights: unknown[];
  GiftSkuIds: string[];
}

export interface ISSeller {
  sellerId: string;
  sellerName: string;
  sellerDefault: boolean;
  addToCartLink: string;
  commertialOffer: ISCommertialOffer;
}

export interface ISImage {
  imageId: string;
  /** Root-relative in the seed (`/arquivos/ids/…`); made absolute with `baseUrl` in responses. */
  imageUrl: string;
  imageText: string;
  imageLabel: string;
  imageTag: string;
  cacheId: string;
}

export interface ISNameValues {
  name: string;
  values: string[];
}

export interface ISSku {
  itemId: string;
  name: string;
  nameComplete: string;
  complementName: string;
  ean: string;
  referenceId: {Key: string; Value: string}[];
  measurementUnit: string;
  unitMultiplier: number;
  variations: ISNameValues[];
  images: ISImage[];
  sellers: ISSeller[];
  isKit: boolean;
  attachments: unknown[];
  videos: string[];
  modalType: string;
  estimatedDateArrival: string | null;
}

export interface ISSpecification {
  name: string;
  originalName: string;
  values: string[];
}

export interface ISSpecificationGroup {
  name: string;
  originalName: string;
  specifications: ISSpecification[];
}

export interface ISSkuSpecification {
  field: {name: string; originalName: string};
  values: {name: string; originalName: string}[];
}

export interface ISCluster {
  id: string;
  name: string;
}

export interface ISPriceRange {
  sellingPrice: {highPrice: number; lowPrice: number};
  listPrice: {highPrice: number; lowPrice: number};
}

export interface ISProduct {
  cacheId: string;
  productId: string;
  productName: string;
  description: string;
  productReference: string;
  linkText: string;
  link: string;
  brand: string;
  brandId: number;
  /** Most specific first: `["/Apparel/Shirts/T-Shirts/", "/Apparel/Shirts/", "/Apparel/"]`. */
  categories: string[];
  categoryId: string;
  /** Same order as `categories`: `["/1/2/3/", "/1/2/", "/1/"]`. */
  categoriesIds: string[];
  priceRange: ISPriceRange;
  specificationGroups: ISSpecificationGroup[];
  skuSpecifications: ISSkuSpecification[];
  productClusters: ISCluster[];
  clusterHighlights: ISCluster[];
  properties: ISSpecification[];
  items: ISSku[];
  /** Epoch milliseconds. */
  releaseDate: number;
  origin: string;
}

/** The replaceable data set behind the sandbox catalog. */
export interface CatalogSeed {
  categories: CategoryNode[];
  products: ISProduct[];
}
