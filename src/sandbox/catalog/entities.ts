/**
 * What a storefront URL names, for production clients that route by slug: `portal/pagetype/{path}`,
 * `{category,brand,collection}/by-linkid/{slug}` and `brand/list` under `/api/catalog_system/pub/`.
 * Link ids are the slugs the search facets use (category URL segment, slug of the brand or cluster name).
 */
import type {CategoryNode} from './types.js';
import {categorySlug, type Entry} from './search.js';
import {slugify, stripHtml} from './text.js';

interface CategoryRef {
  node: CategoryNode;
  father: CategoryNode | undefined;
  /** 1 = department. */
  level: number;
  linkId: string;
  /** "apparel/shirts" */
  path: string;
}

interface Named {
  id: string;
  name: string;
  linkId: string;
}

export interface EntityRoutes {
  /** Handles `rest` (the path after `/api/catalog_system/pub/`); undefined when it is not one of these routes. */
  handle(url: URL, rest: string): Response | undefined;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {'Content-Type': 'application/json; charset=utf-8'},
  });
}

function decodeSegments(raw: string): string[] {
  return raw
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

export function createEntityRoutes(categories: CategoryNode[], entries: Entry[]): EntityRoutes {
  const byPath = new Map<string, CategoryRef>();
  const all: CategoryRef[] = [];
  const walk = (nodes: CategoryNode[], father: CategoryNode | undefined, prefix: string, level: number) => {
    for (const node of nodes) {
      const linkId = categorySlug(node);
      const path = prefix ? `${prefix}/${linkId}` : linkId;
      const ref = {node, father, level, linkId, path};
      byPath.set(path, ref);
      all.push(ref);
      walk(node.children, node, path, level + 1);
    }
  };
  walk(categories, undefined, '', 1);

  const brands = new Map<string, Named>();
  const collections = new Map<string, Named>();
  const products = new Map<string, Entry>();
  for (const e of entries) {
    const p = e.product;
    if (!brands.has(e.brandSlug))
      brands.set(e.brandSlug, {id: String(p.brandId), name: p.brand, linkId: e.brandSlug});
    for (const c of p.productClusters) {
      const linkId = slugify(c.name);
      if (linkId && !collections.has(linkId)) collections.set(linkId, {id: c.id, name: c.name, linkId});
    }
    products.set(p.linkText, e);
  }

  /** A full path ("apparel/shirts"), or a single link id that names one category anywhere in the tree. */
  function findCategory(segments: string[]): CategoryRef | undefined {
    const path = segments.map(slugify).join('/');
    return byPath.get(path) ?? (segments.length === 1 ? all.find((c) => c.linkId === path) : undefined);
  }

  function categoryPath(ref: CategoryRef): string {
    try {
      return new URL(ref.node.url, 'http://x').pathname;
    } catch {
      return `/${ref.path}`;
    }
  }

  function brandList(): Response {
    return json(
      [...brands.values()]
        .sort((a, b) => Number(a.id) - Number(b.id))
        .map((b) => ({
          id: Number(b.id),
          name: b.name,
          isActive: true,
          title: b.name,
          metaTagDescription: '',
          imageUrl: null,
        })),
    );
  }

  function byLinkId(kind: string, raw: string): Response {
    const segments = decodeSegments(raw);
    if (kind === 'category') {
      const ref = findCategory(segments);
      if (ref) {
        return json({
          id: ref.node.id,
          fatherCategoryId: ref.father?.id ?? null,
          name: ref.node.name,
          linkId: ref.linkId,
          title: ref.node.Title || ref.node.name,
          description: ref.node.MetaTagDescription || null,
          metaTagDescription: ref.node.MetaTagDescription || null,
          availableLinkIds: null,
        });
      }
    } else if (segments.length === 1) {
      const found = (kind === 'brand' ? brands : collections).get(slugify(segments[0]!));
      if (found) {
        return json({
          id: Number(found.id),
          name: found.name,
          linkId: found.linkId,
          title: found.name,
          description: null,
          metaTagDescription: null,
          availableLinkIds: null,
        });
      }
    }
    return json({Message: `No ${kind} has the link id "${segments.join('/')}"`}, 404);
  }

  function pageType(url: URL, raw: string): Response {
    const segments = decodeSegments(raw);
    const at = (path: string) => `${url.host}${path}`;
    const page = (
      pageType: string,
      id: string | null,
      name: string | null,
      path: string | null,
      title: string | null,
      metaTagDescription: string | null,
    ) => json({id, name, url: path === null ? null : at(path), title, metaTagDescription, pageType});
    if (segments.length === 2 && segments[1] === 'p') {
      const e = products.get(segments[0]!);
      if (e) {
        const p = e.product;
        const meta = stripHtml(p.description).slice(0, 160);
        return page('Product', p.productId, p.productName, `/${p.linkText}/p`, p.productName, meta);
      }
    }
    const ref = segments.length > 0 && segments.length <= 3 ? findCategory(segments) : undefined;
    if (ref && (segments.length > 1 || ref.level === 1)) {
      const type = ['Department', 'Category', 'SubCategory'][ref.level - 1] ?? 'Category';
      return page(
        type,
        String(ref.node.id),
        ref.node.name,
        categoryPath(ref),
        ref.node.Title || ref.node.name,
        ref.node.MetaTagDescription,
      );
    }
    if (segments.length === 1) {
      const slug = slugify(segments[0]!);
      const brand = brands.get(slug);
      if (brand) return page('Brand', brand.id, brand.name, `/${brand.linkId}`, brand.name, '');
      const collection = collections.get(slug);
      if (collection) {
        return page(
          'Collection',
          collection.id,
          collection.name,
          `/${collection.linkId}`,
          collection.name,
          '',
        );
      }
      // Any other single term is a full-text search page.
      return page('FullText', null, segments[0]!, `/${encodeURIComponent(segments[0]!)}`, null, null);
    }
    return page('NotFound', null, null, null, null, null);
  }

  return {
    handle(url, rest) {
      if (/^brand\/list\/?$/.test(rest)) return brandList();
      const link = /^(category|brand|collection)\/by-linkid\/(.+)$/.exec(rest);
      if (link) return byLinkId(link[1]!, link[2]!);
      const pt = /^portal\/pagetype\/(.+)$/.exec(rest);
      if (pt) return pageType(url, pt[1]!);
      return undefined;
    },
  };
}
