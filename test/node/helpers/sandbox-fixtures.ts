/** A tiny fake catalog and helpers shared by the sandbox tests. */
import {createSandboxWithCatalog, type Sandbox, type SandboxOptions} from '../../../src/sandbox/sandbox.js';
import type {SandboxCatalog, SandboxSku} from '../../../src/sandbox/types.js';
import {CookieJar} from './cookie-jar.js';

export const BASE = 'http://127.0.0.1';

function sku(skuId: string, price: number, stock: number, listPrice = price): SandboxSku {
  return {
    skuId,
    productId: `p${skuId}`,
    productName: `Product ${skuId}`,
    skuName: `Variant ${skuId}`,
    name: `Product ${skuId} Variant ${skuId}`,
    brand: 'Acme',
    brandId: 2000000,
    refId: `REF-${skuId}`,
    ean: `789000000${skuId}`,
    categoryIdsPath: '/1/2/',
    categories: {'1': 'Apparel', '2': 'Shirts'},
    imageUrl: `/arquivos/ids/${skuId}-55-55/img.jpg`,
    detailUrl: `/product-${skuId}/p`,
    sellerId: '1',
    price,
    listPrice,
    stock,
    measurementUnit: 'un',
    unitMultiplier: 1,
  };
}

export const SKUS: Record<string, SandboxSku> = {
  '1': sku('1', 10000, 50, 12000),
  '2': sku('2', 3333, 3),
  '3': sku('3', 5000, 0),
};

export const fakeCatalog: SandboxCatalog = {
  getSku: (id) => SKUS[id],
  handle: async (_request, url) =>
    url.pathname === '/api/catalog_system/pub/fake' ? new Response('[]', {status: 200}) : undefined,
};

export interface TestClock {
  now: () => number;
  advance(ms: number): void;
}

export function clock(start = Date.UTC(2026, 0, 15, 12)): TestClock {
  let t = start;
  return {now: () => t, advance: (ms) => (t += ms)};
}

export function makeSandbox(options: SandboxOptions = {}): {sandbox: Sandbox; clock: TestClock} {
  const c = clock();
  return {sandbox: createSandboxWithCatalog(fakeCatalog, {now: c.now, ...options}), clock: c};
}

/** A browser-like client: one cookie jar, JSON helpers. */
export class Shopper {
  readonly jar = new CookieJar();
  constructor(readonly sandbox: Sandbox) {}

  async call(
    method: string,
    path: string,
    json?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response> {
    const req = this.jar.request(BASE + path, {method, json, headers});
    return this.jar.store(await this.sandbox.fetch(req));
  }

  async body<T = Record<string, any>>(
    method: string,
    path: string,
    json?: unknown,
  ): Promise<{status: number; body: T; res: Response}> {
    const res = await this.call(method, path, json);
    const text = await res.text();
    return {status: res.status, body: (text ? JSON.parse(text) : null) as T, res};
  }
}

export const PROFILE = {
  email: 'ana@example.com',
  firstName: 'Ana',
  lastName: 'Silva',
  documentType: 'cpf',
  document: '529.982.247-25',
  phone: '+5521999990000',
};

export const ADDRESS = {
  addressType: 'residential',
  receiverName: 'Ana Silva',
  postalCode: '22250-040',
  country: 'BRA',
  number: '300',
  street: 'Praia de Botafogo',
  city: 'Rio de Janeiro',
  state: 'RJ',
  neighborhood: 'Botafogo',
};
