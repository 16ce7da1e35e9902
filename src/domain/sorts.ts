/** Intelligent Search's sorts; '' is relevance. The grid's sort menu and the sandbox's search both use this list. */
export const SORTS = [
  '',
  'price:asc',
  'price:desc',
  'orders:desc',
  'name:asc',
  'name:desc',
  'release:desc',
  'discount:desc',
] as const;

/** A sort other than relevance. */
export type Sort = Exclude<(typeof SORTS)[number], ''>;
