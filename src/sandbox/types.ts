/**
 * Internal contracts between the sandbox's modules. The catalog module owns the seed data; the checkout,
 * OMS and account modules read SKUs through `SandboxCatalog` only.
 */

/** One sellable SKU as the checkout sees it. Money in cents (Checkout's unit). */
export interface SandboxSku {
  skuId: string;
  productId: string;
  productName: string;
  /** SKU name, e.g. "Blue / M". */
  skuName: string;
  /** Full name as VTEX's orderForm shows it: product name + SKU name. */
  name: string;
  brand: string;
  brandId: number;
  refId: string;
  ean: string;
  /** e.g. "/1/12/" for productCategoryIds */
  categoryIdsPath: string;
  /** id -> name, as orderForm `productCategories` */
  categories: Record<string, string>;
  /** absolute or root-relative image URL served by the sandbox */
  imageUrl: string;
  /** "/{slug}/p" */
  detailUrl: string;
  sellerId: string;
  /** selling price, cents */
  price: number;
  /** list price, cents */
  listPrice: number;
  /** units in stock; 0 = out of stock */
  stock: number;
  measurementUnit: string;
  unitMultiplier: number;
}

export interface SandboxCatalog {
  getSku(skuId: string): SandboxSku | undefined;
  /** Sandbox-owned HTTP routes of the catalog (IS v1, catalog_system, images). Undefined = not mine. */
  handle(request: Request, url: URL): Promise<Response | undefined>;
}

export interface SandboxClock {
  now(): number;
}
