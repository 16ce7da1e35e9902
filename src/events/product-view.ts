/** A product as shown to the shopper (for analytics): prices in VTEX decimals, as search returns them. */
export interface ProductView {
  id: string;
  slug: string;
  name: string;
  brand: string;
  /** Category paths as VTEX returns them, most specific first, e.g. `/Apparel/Shirts/`. */
  categories: string[];
  /** The SKU shown (the first available one). */
  sku: {id: string; name: string; seller: string} | null;
  price: number | null;
  listPrice: number | null;
  available: boolean;
  /** 1-based position in the list, absolute across pages (lists only). */
  position?: number;
}
