/**
 * The sandbox orderForm pinned exactly (src/sandbox/checkout/orderform.ts; mutants that survived the other
 * sandbox files): the delivery options and their prices, how each coupon kind splits into line discounts and
 * totalizers, the per-unit selling prices, a line whose SKU sold out or left the catalog, the masked view of a
 * known shopper's cart, the payment options and the single payment that follows the cart value.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {cheapestDelivery, itemJson, slasFor, syncPayments} from '../../src/sandbox/checkout/orderform.js';
import type {CartState, SandboxContext} from '../../src/sandbox/checkout/state.js';
import {createSandboxWithCatalog} from '../../src/sandbox/sandbox.js';
import type {SandboxCatalog, SandboxSku} from '../../src/sandbox/types.js';
import {ADDRESS, BASE, PROFILE, SKUS, Shopper, clock, makeSandbox} from './helpers/sandbox-fixtures.js';

const OF = '/api/checkout/pub/orderForm';
const ACCOUNT = 'lojademo';

type Body = Record<string, any>;

/** A shopper on a fresh cart of a sandbox named ACCOUNT, over the fixture catalog. */
async function cart() {
  const {sandbox} = makeSandbox({account: ACCOUNT});
  const s = new Shopper(sandbox);
  const id = (await s.body('GET', OF)).body.orderFormId as string;
  return {sandbox, s, id};
}

/** A catalog the test changes under a live cart (a SKU sells out, a SKU leaves the catalog). */
function changingCatalog() {
  const skus = new Map<string, SandboxSku>(Object.entries(SKUS).map(([k, v]) => [k, {...v}]));
  const catalog: SandboxCatalog = {getSku: (id) => skus.get(id), handle: async () => undefined};
  const sandbox = createSandboxWithCatalog(catalog, {now: clock().now, account: ACCOUNT});
  return {skus, sandbox};
}

const add = (s: Shopper, id: string, items: [string, number][]) =>
  s.body('POST', `${OF}/${id}/items`, {
    orderItems: items.map(([sku, quantity]) => ({id: sku, quantity, seller: '1'})),
  });

const ship = (s: Shopper, id: string, body: Body) =>
  s.body('POST', `${OF}/${id}/attachments/shippingData`, body);

const coupon = (s: Shopper, id: string, text: string) => s.body('POST', `${OF}/${id}/coupons`, {text});

const NO_PICKUP = {
  isPickupStore: false,
  friendlyName: null,
  address: null,
  additionalInfo: null,
  dockId: null,
};

function deliverySla(id: 'Normal' | 'Expressa', price: number, quantity: number): Record<string, unknown> {
  const normal = id === 'Normal';
  return {
    id,
    deliveryChannel: 'delivery',
    name: id,
    deliveryIds: [
      {
        courierId: normal ? '1' : '2',
        warehouseId: '1_1',
        dockId: '1',
        courierName: normal ? 'Transportadora' : 'Entrega Expressa',
        quantity,
        kitItemDetails: [],
      },
    ],
    shippingEstimate: normal ? '5bd' : '2bd',
    shippingEstimateDate: null,
    lockTTL: '10d',
    availableDeliveryWindows: [],
    deliveryWindow: null,
    price,
    listPrice: price,
    tax: 0,
    pickupStoreInfo: NO_PICKUP,
    pickupPointId: null,
    pickupDistance: 0,
    polygonName: null,
    transitTime: normal ? '5bd' : '2bd',
  };
}

const HOURS = [1, 2, 3, 4, 5, 6].map((d) => ({
  DayOfWeek: d,
  OpeningTime: '09:00:00',
  ClosingTime: '19:00:00',
}));

const RJ_STORE = {
  addressType: 'pickup',
  receiverName: null,
  addressId: 'LOJA-RJ',
  isDisposable: true,
  postalCode: '22250-040',
  city: 'Rio de Janeiro',
  state: 'RJ',
  country: 'BRA',
  street: 'Praia de Botafogo',
  number: '300',
  neighborhood: 'Botafogo',
  complement: 'Loja 1',
  reference: null,
  geoCoordinates: [-43.1822, -22.9468],
};

const SP_STORE = {
  addressType: 'pickup',
  receiverName: null,
  addressId: 'LOJA-SP',
  isDisposable: true,
  postalCode: '01310-100',
  city: 'São Paulo',
  state: 'SP',
  country: 'BRA',
  street: 'Avenida Paulista',
  number: '1000',
  neighborhood: 'Bela Vista',
  complement: null,
  reference: null,
  geoCoordinates: [-46.6544, -23.5646],
};

const COUNTER = 'Retire no balcão com documento.';

function pickupSla(code: 'LOJA-RJ' | 'LOJA-SP', quantity: number): Record<string, unknown> {
  const rj = code === 'LOJA-RJ';
  return {
    id: `Retirada (${code})`,
    deliveryChannel: 'pickup-in-point',
    name: `Retirada (${code})`,
    deliveryIds: [
      {
        courierId: '1ee17c2',
        warehouseId: '1_1',
        dockId: '1',
        courierName: 'Retira em Loja',
        quantity,
        kitItemDetails: [],
      },
    ],
    shippingEstimate: '1bd',
    shippingEstimateDate: null,
    lockTTL: '10d',
    availableDeliveryWindows: [],
    deliveryWindow: null,
    price: 0,
    listPrice: 0,
    tax: 0,
    pickupStoreInfo: {
      isPickupStore: true,
      friendlyName: rj ? 'Loja Botafogo' : 'Loja Paulista',
      address: rj ? RJ_STORE : SP_STORE,
      additionalInfo: COUNTER,
      dockId: '1',
    },
    pickupPointId: `1_${code}`,
    pickupDistance: rj ? 5 : 12,
    polygonName: null,
    transitTime: '1bd',
  };
}

const PICKUP_POINTS = [
  {
    friendlyName: 'Loja Botafogo',
    address: RJ_STORE,
    additionalInfo: COUNTER,
    id: '1_LOJA-RJ',
    businessHours: HOURS,
    distance: 5,
  },
  {
    friendlyName: 'Loja Paulista',
    address: SP_STORE,
    additionalInfo: COUNTER,
    id: '1_LOJA-SP',
    businessHours: HOURS,
    distance: 12,
  },
];

const totalizers = (b: Body) => b.totalizers as {id: string; name: string; value: number}[];
const ITEMS = (value: number) => ({id: 'Items', name: 'Total dos Itens', value});
const DISCOUNTS = (value: number) => ({id: 'Discounts', name: 'Total dos Descontos', value});
const SHIPPING = (value: number) => ({id: 'Shipping', name: 'Total do Frete', value});

/** What a line costs: [priceDefinition.total, sellingPrice, sellingPrices, priceTag values]. */
function lineMoney(item: Body) {
  return [
    item.priceDefinition.total,
    item.sellingPrice,
    item.priceDefinition.sellingPrices.map((p: {value: number; quantity: number}) => [p.value, p.quantity]),
    item.priceTags.map((t: {value: number}) => t.value),
  ];
}

describe('sandbox orderForm: delivery options', () => {
  it('a BRA address offers Normal, Expressa (priced per extra unit) and both pickup points, nearest first', async () => {
    const {s, id} = await cart();
    await add(s, id, [['1', 3]]);
    const r = await ship(s, id, {selectedAddresses: [ADDRESS]});
    const address = r.body.shippingData.address;
    assert.deepEqual(r.body.shippingData.logisticsInfo, [
      {
        itemIndex: 0,
        selectedSla: 'Normal',
        selectedDeliveryChannel: 'delivery',
        addressId: address.addressId,
        slas: [
          deliverySla('Normal', 1200, 3),
          deliverySla('Expressa', 2400, 3),
          pickupSla('LOJA-RJ', 3),
          pickupSla('LOJA-SP', 3),
        ],
        shipsTo: ['BRA', 'USA'],
        itemId: '1',
        deliveryChannels: [{id: 'delivery'}, {id: 'pickup-in-point'}],
      },
    ]);
    assert.deepEqual(r.body.shippingData.pickupPoints, PICKUP_POINTS);
    assert.deepEqual(r.body.shippingData.selectedAddresses, [address]);
    assert.deepEqual(r.body.shippingData.availableAddresses, [address]);
    assert.deepEqual(totalizers(r.body), [ITEMS(30000), SHIPPING(1200)]);
    assert.equal(r.body.value, 31200);
  });

  it('one unit ships at the base price; each line is priced on its own quantity', async () => {
    const {s, id} = await cart();
    await add(s, id, [
      ['1', 1],
      ['2', 2],
    ]);
    const r = await ship(s, id, {selectedAddresses: [ADDRESS]});
    const li = r.body.shippingData.logisticsInfo;
    assert.deepEqual(li[0].slas.slice(0, 2), [
      deliverySla('Normal', 1000, 1),
      deliverySla('Expressa', 2000, 1),
    ]);
    assert.deepEqual(li[1].slas.slice(0, 2), [
      deliverySla('Normal', 1100, 2),
      deliverySla('Expressa', 2200, 2),
    ]);
    assert.deepEqual(
      li.map((l: Body) => [l.itemIndex, l.itemId, l.selectedSla]),
      [
        [0, '1', 'Normal'],
        [1, '2', 'Normal'],
      ],
    );
    assert.deepEqual(totalizers(r.body), [ITEMS(16666), SHIPPING(2100)]);
    assert.equal(r.body.value, 18766);
    const express = await ship(s, id, {logisticsInfo: [{itemIndex: 1, selectedSla: 'Expressa'}]});
    assert.deepEqual(totalizers(express.body), [ITEMS(16666), SHIPPING(3200)]);
    assert.equal(express.body.value, 19866);
  });

  it('a USA address has home delivery only: no pickup SLA, no pickup points', async () => {
    const {s, id} = await cart();
    await add(s, id, [['1', 1]]);
    const usa = {...ADDRESS, country: 'USA', postalCode: '10001', state: 'NY', city: 'New York'};
    const r = await ship(s, id, {selectedAddresses: [usa]});
    assert.deepEqual(r.body.shippingData.logisticsInfo[0].slas, [
      deliverySla('Normal', 1000, 1),
      deliverySla('Expressa', 2000, 1),
    ]);
    assert.deepEqual(r.body.shippingData.pickupPoints, []);
    assert.deepEqual(totalizers(r.body), [ITEMS(10000), SHIPPING(1000)]);
  });

  it('an address that cannot be served: no SLA, no Shipping totalizer, no pickup points', async () => {
    const {s, id} = await cart();
    await add(s, id, [['1', 1]]);
    const r = await ship(s, id, {selectedAddresses: [{...ADDRESS, postalCode: '99999-999'}]});
    const li = r.body.shippingData.logisticsInfo[0];
    assert.deepEqual([li.selectedSla, li.selectedDeliveryChannel, li.slas], [null, null, []]);
    assert.deepEqual(r.body.shippingData.pickupPoints, []);
    assert.deepEqual(totalizers(r.body), [ITEMS(10000)]);
    assert.equal(r.body.value, 10000);
  });

  it('a pickup point is free: the Shipping totalizer stays, at 0', async () => {
    const {s, id} = await cart();
    await add(s, id, [['1', 1]]);
    await ship(s, id, {selectedAddresses: [ADDRESS]});
    const r = await ship(s, id, {
      logisticsInfo: [
        {itemIndex: 0, selectedSla: 'Retirada (LOJA-SP)', selectedDeliveryChannel: 'pickup-in-point'},
      ],
    });
    assert.deepEqual(totalizers(r.body), [ITEMS(10000), SHIPPING(0)]);
    assert.equal(r.body.shippingData.logisticsInfo[0].selectedSla, 'Retirada (LOJA-SP)');
    assert.equal(r.body.value, 10000);
  });

  it('an address on an empty cart: no totalizers, no logistics, no pickup points', async () => {
    const {s, id} = await cart();
    const r = await ship(s, id, {selectedAddresses: [ADDRESS]});
    assert.deepEqual(totalizers(r.body), []);
    assert.deepEqual(r.body.shippingData.logisticsInfo, []);
    assert.deepEqual(r.body.shippingData.pickupPoints, []);
    assert.equal(r.body.shippingData.address.postalCode, '22250-040');
    assert.equal(r.body.value, 0);
  });
});

describe('sandbox orderForm: cheapestDelivery', () => {
  it('picks the cheapest home delivery whatever the order, never a pickup point', () => {
    const slas = slasFor('BRA', '22250-040', 1);
    const [normal, express, pickup] = slas;
    assert.equal(cheapestDelivery([express!, pickup!, normal!])?.id, 'Normal');
    assert.equal(cheapestDelivery([pickup!, express!])?.id, 'Expressa');
    assert.equal(cheapestDelivery([pickup!]), undefined);
  });
});

describe('sandbox orderForm: coupons and line prices', () => {
  it('a percent coupon discounts each line, rounded to the cent, with its price tag', async () => {
    const {s, id} = await cart();
    await add(s, id, [
      ['1', 1],
      ['2', 3],
    ]);
    const r = await coupon(s, id, ' summer10 ');
    assert.equal(r.body.marketingData.coupon, 'SUMMER10');
    // 10 % of 9999 is 999.9: the line loses 1000; 8999 over 3 units is 2999 once and 3000 twice.
    assert.deepEqual(r.body.items.map(lineMoney), [
      [9000, 9000, [[9000, 1]], [-1000]],
      [
        8999,
        3000,
        [
          [2999, 1],
          [3000, 2],
        ],
        [-1000],
      ],
    ]);
    assert.deepEqual(r.body.items[1].priceTags, [
      {
        name: 'DISCOUNT@MARKETPLACE-SUMMER10',
        value: -1000,
        rawValue: -10,
        isPercentual: false,
        identifier: 'sandbox-coupon-summer10',
        owner: ACCOUNT,
      },
    ]);
    assert.equal(r.body.items[1].priceDefinition.calculatedSellingPrice, 3000);
    assert.deepEqual(totalizers(r.body), [ITEMS(19999), DISCOUNTS(-2000)]);
    assert.equal(r.body.value, 17999);
  });

  it('a percent coupon rounds a third of a cent down', async () => {
    const {s, id} = await cart();
    await add(s, id, [['2', 1]]);
    const r = await coupon(s, id, 'SUMMER10');
    assert.deepEqual(r.body.items.map(lineMoney), [[3000, 3000, [[3000, 1]], [-333]]]);
    assert.equal(r.body.items[0].priceTags[0].rawValue, -3.33);
    assert.deepEqual(totalizers(r.body), [ITEMS(3333), DISCOUNTS(-333)]);
  });

  it('a fixed coupon is shared by the priced lines in proportion, the last one taking the remainder', async () => {
    const {s, id} = await cart();
    // SKU 3 has no stock: it is not charged and takes no share, even as the last line.
    await add(s, id, [
      ['1', 2],
      ['2', 1],
      ['3', 1],
    ]);
    const r = await coupon(s, id, 'BLACKFRIDAY');
    // 5000 × 20000 / 23333 = 4285.77… → 4285; the last priced line takes the other 715.
    assert.deepEqual(r.body.items.map(lineMoney), [
      [
        15715,
        7858,
        [
          [7857, 1],
          [7858, 1],
        ],
        [-4285],
      ],
      [2618, 2618, [[2618, 1]], [-715]],
      [0, 5000, [[0, 1]], []],
    ]);
    assert.deepEqual(
      r.body.items.map((i: Body) => i.availability),
      ['available', 'available', 'withoutStock'],
    );
    assert.deepEqual(totalizers(r.body), [ITEMS(23333), DISCOUNTS(-5000)]);
    assert.equal(r.body.value, 18333);
  });

  it('a fixed coupon larger than the items is capped at their total', async () => {
    const {s, id} = await cart();
    await add(s, id, [['2', 1]]);
    const r = await coupon(s, id, 'blackfriday');
    assert.deepEqual(r.body.items.map(lineMoney), [[0, 0, [[0, 1]], [-3333]]]);
    assert.deepEqual(r.body.items[0].priceTags[0], {
      name: 'DISCOUNT@MARKETPLACE-BLACKFRIDAY',
      value: -3333,
      rawValue: -33.33,
      isPercentual: false,
      identifier: 'sandbox-coupon-blackfriday',
      owner: ACCOUNT,
    });
    assert.deepEqual(totalizers(r.body), [ITEMS(3333), DISCOUNTS(-3333)]);
    assert.equal(r.body.value, 0);
  });

  it('a fixed coupon on a cart with nothing to charge discounts nothing', async () => {
    const {s, id} = await cart();
    await add(s, id, [['3', 2]]);
    const r = await coupon(s, id, 'BLACKFRIDAY');
    assert.deepEqual(r.body.items.map(lineMoney), [[0, 5000, [[0, 2]], []]]);
    assert.deepEqual(totalizers(r.body), [ITEMS(0)]);
    assert.equal(r.body.value, 0);
  });

  it('free shipping discounts every line’s freight through Discounts, not through the items', async () => {
    const {s, id} = await cart();
    await add(s, id, [
      ['1', 1],
      ['2', 2],
    ]);
    await ship(s, id, {
      selectedAddresses: [ADDRESS],
      logisticsInfo: [{itemIndex: 0, selectedSla: 'Expressa'}],
    });
    const r = await coupon(s, id, 'FreeShipping');
    assert.equal(r.body.marketingData.coupon, 'FREESHIPPING');
    assert.deepEqual(r.body.items.map(lineMoney), [
      [10000, 10000, [[10000, 1]], []],
      [6666, 3333, [[3333, 2]], []],
    ]);
    assert.deepEqual(totalizers(r.body), [ITEMS(16666), DISCOUNTS(-3100), SHIPPING(3100)]);
    assert.equal(r.body.value, 16666);
  });

  it('an evenly divided line has a single selling price', async () => {
    const {s, id} = await cart();
    const r = await add(s, id, [['1', 4]]);
    assert.deepEqual(r.body.items.map(lineMoney), [[40000, 10000, [[10000, 4]], []]]);
  });

  it('marketingData without a coupon leaves the coupon key out; with one, it is there', async () => {
    const {s, id} = await cart();
    const mk = await s.body('POST', `${OF}/${id}/attachments/marketingData`, {
      utmSource: 'news',
      marketingTags: ['vip'],
    });
    assert.deepEqual(mk.body.marketingData, {
      utmSource: 'news',
      utmMedium: null,
      utmCampaign: null,
      utmipage: null,
      utmiPart: null,
      utmiCampaign: null,
      marketingTags: ['vip'],
    });
    const withCoupon = await coupon(s, id, 'SUMMER10');
    assert.deepEqual(withCoupon.body.marketingData, {...mk.body.marketingData, coupon: 'SUMMER10'});
  });
});

describe('sandbox orderForm: item and cart JSON', () => {
  it('renders a line with every catalog field, absolute image URL and a year of price validity', async () => {
    const {s, id} = await cart();
    const r = await add(s, id, [['1', 2]]);
    const item = r.body.items[0];
    assert.match(item.uniqueId, /^[0-9A-F]{32}$/);
    assert.deepEqual(item, {
      uniqueId: item.uniqueId,
      id: '1',
      productId: 'p1',
      productRefId: 'REF-1',
      refId: 'REF-1',
      ean: '7890000001',
      name: 'Product 1 Variant 1',
      skuName: 'Variant 1',
      modalType: null,
      parentItemIndex: null,
      parentAssemblyBinding: null,
      assemblies: [],
      priceValidUntil: '2027-01-15T12:00:00.000Z',
      tax: 0,
      price: 10000,
      listPrice: 12000,
      manualPrice: null,
      manualPriceAppliedBy: null,
      sellingPrice: 10000,
      rewardValue: 0,
      isGift: false,
      additionalInfo: {
        dimension: null,
        brandName: 'Acme',
        brandId: '2000000',
        offeringInfo: null,
        offeringType: null,
        offeringTypeId: null,
      },
      preSaleDate: null,
      productCategoryIds: '/1/2/',
      productCategories: {'1': 'Apparel', '2': 'Shirts'},
      quantity: 2,
      seller: '1',
      sellerChain: ['1'],
      imageUrl: `${BASE}/arquivos/ids/1-55-55/img.jpg`,
      detailUrl: '/product-1/p',
      components: [],
      bundleItems: [],
      attachments: [],
      attachmentOfferings: [],
      offerings: [],
      priceTags: [],
      availability: 'available',
      measurementUnit: 'un',
      unitMultiplier: 1,
      manufacturerCode: null,
      priceDefinition: {
        calculatedSellingPrice: 10000,
        total: 20000,
        sellingPrices: [{value: 10000, quantity: 2}],
      },
    });
    assert.deepEqual(r.body.itemMetadata, {
      items: [
        {
          id: '1',
          seller: '1',
          name: 'Product 1 Variant 1',
          skuName: 'Variant 1',
          productId: 'p1',
          refId: 'REF-1',
          ean: '7890000001',
          imageUrl: `${BASE}/arquivos/ids/1-55-55/img.jpg`,
          detailUrl: '/product-1/p',
          assemblyOptions: [],
        },
      ],
    });
  });

  it('a line whose SKU left the catalog keeps its id and quantity, with empty catalog fields, and costs nothing', async () => {
    const {skus, sandbox} = changingCatalog();
    const s = new Shopper(sandbox);
    const id = (await s.body('GET', OF)).body.orderFormId as string;
    await add(s, id, [['2', 2]]);
    skus.delete('2');
    const r = await s.body('GET', `${OF}/${id}`);
    const item = r.body.items[0];
    const picked = {
      productId: item.productId,
      productRefId: item.productRefId,
      refId: item.refId,
      ean: item.ean,
      name: item.name,
      skuName: item.skuName,
      price: item.price,
      listPrice: item.listPrice,
      sellingPrice: item.sellingPrice,
      additionalInfo: item.additionalInfo,
      productCategoryIds: item.productCategoryIds,
      productCategories: item.productCategories,
      quantity: item.quantity,
      imageUrl: item.imageUrl,
      detailUrl: item.detailUrl,
      availability: item.availability,
      measurementUnit: item.measurementUnit,
      unitMultiplier: item.unitMultiplier,
      priceDefinition: item.priceDefinition,
    };
    assert.deepEqual(picked, {
      productId: '',
      productRefId: '',
      refId: null,
      ean: null,
      name: '',
      skuName: '',
      price: 0,
      listPrice: 0,
      sellingPrice: 0,
      additionalInfo: {
        dimension: null,
        brandName: null,
        brandId: null,
        offeringInfo: null,
        offeringType: null,
        offeringTypeId: null,
      },
      productCategoryIds: '',
      productCategories: {},
      quantity: 2,
      imageUrl: '',
      detailUrl: '',
      availability: 'withoutStock',
      measurementUnit: 'un',
      unitMultiplier: 1,
      priceDefinition: {calculatedSellingPrice: 0, total: 0, sellingPrices: [{value: 0, quantity: 2}]},
    });
    assert.deepEqual(r.body.itemMetadata.items, [
      {
        id: '2',
        seller: '1',
        name: '',
        skuName: '',
        productId: '',
        refId: '',
        ean: null,
        imageUrl: '',
        detailUrl: '',
        assemblyOptions: [],
      },
    ]);
    assert.deepEqual(totalizers(r.body), [ITEMS(0)]);
  });

  it('a SKU without an EAN renders ean null, on the line and in itemMetadata', async () => {
    const {skus, sandbox} = changingCatalog();
    skus.set('2', {...skus.get('2')!, ean: ''});
    const s = new Shopper(sandbox);
    const id = (await s.body('GET', OF)).body.orderFormId as string;
    const r = await add(s, id, [['2', 1]]);
    assert.equal(r.body.items[0].ean, null);
    assert.equal(r.body.itemMetadata.items[0].ean, null);
  });

  it('a line that sells out loses its delivery choice for good, and is no longer charged', async () => {
    const {skus, sandbox} = changingCatalog();
    const s = new Shopper(sandbox);
    const id = (await s.body('GET', OF)).body.orderFormId as string;
    await add(s, id, [
      ['1', 1],
      ['2', 1],
    ]);
    await ship(s, id, {
      selectedAddresses: [ADDRESS],
      logisticsInfo: [{itemIndex: 0, selectedSla: 'Expressa'}],
    });
    skus.set('1', {...skus.get('1')!, stock: 0});
    const out = await s.body('GET', `${OF}/${id}`);
    const li = out.body.shippingData.logisticsInfo;
    assert.deepEqual(
      li.map((l: Body) => [l.selectedSla, l.selectedDeliveryChannel, l.slas.length]),
      [
        [null, null, 0],
        ['Normal', 'delivery', 4],
      ],
    );
    assert.equal(out.body.items[0].availability, 'withoutStock');
    // One line can still be served: the pickup points are still listed.
    assert.deepEqual(out.body.shippingData.pickupPoints, PICKUP_POINTS);
    assert.deepEqual(totalizers(out.body), [ITEMS(3333), SHIPPING(1000)]);
    assert.equal(out.body.value, 4333);
    // Back in stock: the options return, the lost choice does not.
    skus.set('1', {...skus.get('1')!, stock: 5});
    const back = await s.body('GET', `${OF}/${id}`);
    assert.deepEqual(
      back.body.shippingData.logisticsInfo.map((l: Body) => [l.selectedSla, l.slas.length]),
      [
        [null, 4],
        ['Normal', 4],
      ],
    );
    assert.deepEqual(totalizers(back.body), [ITEMS(13333), SHIPPING(1000)]);
  });

  it('a new cart: no lines, no totalizers, the store, the seller and the payment options at 0', async () => {
    const {s} = await cart();
    const {body} = await s.body('GET', OF);
    assert.deepEqual(
      {
        value: body.value,
        items: body.items,
        messages: body.messages,
        totalizers: body.totalizers,
        shippingData: body.shippingData,
        clientProfileData: body.clientProfileData,
        marketingData: body.marketingData,
        sellers: body.sellers,
        clientPreferencesData: body.clientPreferencesData,
        customData: body.customData,
        itemMetadata: body.itemMetadata,
        canEditData: body.canEditData,
        userProfileId: body.userProfileId,
        payments: body.paymentData.payments,
        updateStatus: body.paymentData.updateStatus,
        paymentLists: [
          body.paymentData.giftCards,
          body.paymentData.giftCardMessages,
          body.paymentData.availableAccounts,
          body.paymentData.availableTokens,
        ],
        salesChannel: body.salesChannel,
        flags: [body.loggedIn, body.isCheckedIn, body.allowManualPrice, body.ignoreProfileData],
        selectableGifts: body.selectableGifts,
        ratesAndBenefitsData: body.ratesAndBenefitsData,
      },
      {
        value: 0,
        items: [],
        messages: [],
        totalizers: [],
        shippingData: {
          address: null,
          logisticsInfo: [],
          selectedAddresses: [],
          availableAddresses: [],
          pickupPoints: [],
        },
        clientProfileData: null,
        marketingData: null,
        sellers: [{id: '1', name: ACCOUNT, logo: null}],
        clientPreferencesData: {locale: 'pt-BR', optinNewsLetter: null},
        customData: null,
        itemMetadata: {items: []},
        canEditData: true,
        userProfileId: null,
        payments: [],
        updateStatus: 'updated',
        paymentLists: [[], [], [], []],
        salesChannel: '1',
        flags: [false, false, false, false],
        selectableGifts: [],
        ratesAndBenefitsData: {rateAndBenefitsIdentifiers: [], teaser: []},
      },
    );
    assert.deepEqual(body.storePreferencesData, {
      countryCode: 'BRA',
      saveUserData: true,
      timeZone: 'E. South America Standard Time',
      currencyCode: 'BRL',
      currencyLocale: 1046,
      currencySymbol: 'R$',
      currencyFormatInfo: {
        currencyDecimalDigits: 2,
        currencyDecimalSeparator: ',',
        currencyGroupSeparator: '.',
        currencyGroupSize: 3,
        startsWithCurrencySymbol: true,
      },
    });
    const pix = body.paymentData.installmentOptions.find((o: Body) => o.paymentSystem === '125');
    assert.deepEqual(pix, {
      paymentSystem: '125',
      bin: null,
      paymentName: 'Pix',
      paymentGroupName: 'instantPaymentPaymentGroup',
      value: 0,
      installments: [
        {
          count: 1,
          hasInterestRate: false,
          interestRate: 0,
          value: 0,
          total: 0,
          sellerMerchantInstallments: [
            {id: 'LOJADEMO', count: 1, hasInterestRate: false, interestRate: 0, value: 0, total: 0},
          ],
        },
      ],
    });
  });

  it('lists the payment systems with their template, string id and a due date three days out', async () => {
    const {s} = await cart();
    const {body} = await s.body('GET', OF);
    const systems = body.paymentData.paymentSystems as Body[];
    assert.deepEqual(
      systems.map(({validator: _v, ...rest}) => rest),
      [
        [2, 'Visa', 'creditCardPaymentGroup'],
        [4, 'Mastercard', 'creditCardPaymentGroup'],
        [125, 'Pix', 'instantPaymentPaymentGroup'],
        [6, 'Boleto Bancário', 'bankInvoicePaymentGroup'],
      ].map(([id, name, groupName]) => ({
        id,
        name,
        groupName,
        stringId: String(id),
        template: `${groupName}-template`,
        requiresDocument: false,
        displayDocument: false,
        isCustom: false,
        description: null,
        requiresAuthentication: false,
        dueDate: '2026-01-18T12:00:00.000Z',
        availablePayments: null,
      })),
    );
    assert.deepEqual(
      systems.map((p) => p.validator?.regex ?? null),
      ['^4[0-9]{15}$', systems[1]!.validator.regex, null, null],
    );
  });

  it('offers each payment system’s installments on the cart value', async () => {
    const {s, id} = await cart();
    const r = await add(s, id, [
      ['1', 2],
      ['2', 1],
    ]);
    const options = r.body.paymentData.installmentOptions as Body[];
    assert.deepEqual(
      options.map((o) => [
        o.paymentSystem,
        o.value,
        o.installments.map((i: Body) => [i.count, i.value, i.total]),
      ]),
      [
        [
          '2',
          23333,
          [
            [1, 23333, 23333],
            [2, 11666, 23333],
            [3, 7777, 23333],
            [4, 5833, 23333],
            [5, 4666, 23333],
            [6, 3888, 23333],
          ],
        ],
        [
          '4',
          23333,
          [
            [1, 23333, 23333],
            [2, 11666, 23333],
            [3, 7777, 23333],
            [4, 5833, 23333],
            [5, 4666, 23333],
            [6, 3888, 23333],
          ],
        ],
        ['125', 23333, [[1, 23333, 23333]]],
        ['6', 23333, [[1, 23333, 23333]]],
      ],
    );
  });
});

describe('sandbox orderForm: itemJson on a line with no units', () => {
  it('prices it at the unit price, with no selling-price split (no division by zero)', () => {
    const ctx = {account: ACCOUNT, now: () => 0} as unknown as SandboxContext;
    const item = {
      uniqueId: 'U',
      id: '2',
      seller: '1',
      quantity: 0,
      selectedSla: null,
      selectedDeliveryChannel: null,
    };
    const json = itemJson(
      ctx,
      {item, sku: SKUS['2'], available: true, gross: 0, discount: 0, slas: [], sla: undefined},
      null,
      BASE,
    );
    assert.deepEqual(
      [json.sellingPrice, json.priceDefinition, json.priceTags],
      [3333, {calculatedSellingPrice: 3333, total: 0, sellingPrices: []}, []],
    );
  });
});

describe('sandbox orderForm: masked view of a known shopper', () => {
  const clark = {
    ...PROFILE,
    email: 'Clark.Kent@example.com',
    firstName: 'Clark',
    lastName: 'Kent',
    isCorporate: true,
    corporateName: 'Daily Planet',
    tradeName: 'DP',
    corporateDocument: '12345678000199',
    stateInscription: 'ISENTO',
    corporatePhone: '+552133334444',
  };

  async function knownCart(profile: Body, address: Body) {
    const {sandbox, s, id} = await cart();
    await add(s, id, [['1', 1]]);
    await s.body('POST', `${OF}/${id}/attachments/clientProfileData`, profile);
    await ship(s, id, {selectedAddresses: [address]});
    const stranger = (await (await sandbox.fetch(new Request(`${BASE}${OF}/${id}`))).json()) as Body;
    const owner = (await s.body('GET', `${OF}/${id}`)).body;
    return {stranger, owner};
  }

  it('masks names, email, documents, phone and the address for a caller without the ownership cookie', async () => {
    const {stranger, owner} = await knownCart(clark, {
      ...ADDRESS,
      complement: 'apto 101',
      reference: 'perto',
    });
    assert.deepEqual(stranger.clientProfileData, {
      email: 'C*********@example.com',
      firstName: 'Cla**',
      lastName: 'Ken*',
      document: '*********25',
      documentType: 'cpf',
      phone: '+55*********00',
      corporateName: 'Daily Planet',
      tradeName: 'DP',
      corporateDocument: '************99',
      stateInscription: 'ISENTO',
      corporatePhone: '+552133334444',
      isCorporate: true,
      profileCompleteOnLoading: true,
      profileErrorOnLoading: false,
      customerClass: null,
    });
    const masked = {
      addressType: 'residential',
      receiverName: 'Ana******',
      addressId: owner.shippingData.address.addressId,
      isDisposable: true,
      postalCode: '******040',
      city: 'Rio de Janeiro',
      state: 'RJ',
      country: 'BRA',
      street: 'Pra**************',
      number: '***',
      neighborhood: 'Botafogo',
      complement: '********',
      reference: '*****',
      geoCoordinates: [],
    };
    assert.deepEqual(stranger.shippingData.address, masked);
    assert.deepEqual(stranger.shippingData.selectedAddresses, [masked]);
    assert.deepEqual(stranger.shippingData.availableAddresses, [masked]);
    assert.equal(stranger.canEditData, false);
    assert.equal(stranger.userProfileId, '8b0c9a52-6f1d-4c0e-9d0b-3f2f9b6a7c11');
    // The owner sees everything, and the profile is still known.
    assert.equal(owner.clientProfileData.email, 'Clark.Kent@example.com');
    assert.equal(owner.clientProfileData.phone, '+5521999990000');
    assert.equal(owner.shippingData.address.street, 'Praia de Botafogo');
    assert.deepEqual(owner.shippingData.address.geoCoordinates, [-43.1822, -22.9468]);
    assert.equal(owner.canEditData, true);
    assert.equal(owner.userProfileId, '8b0c9a52-6f1d-4c0e-9d0b-3f2f9b6a7c11');
    assert.equal(owner.clientProfileData.profileCompleteOnLoading, true);
  });

  it('masks values no longer than what is kept entirely, and leaves missing ones null', async () => {
    const short = {
      email: 'clark.kent@example.com',
      firstName: 'Bo',
      lastName: 'Li',
      documentType: 'passport',
      document: 'X9',
      phone: '',
    };
    const {stranger} = await knownCart(short, {
      addressType: 'residential',
      postalCode: '22250-040',
      country: 'BRA',
      street: 'Rua',
    });
    const p = stranger.clientProfileData;
    assert.deepEqual(
      [p.firstName, p.lastName, p.document, p.phone, p.corporateDocument],
      ['**', '**', '**', null, null],
    );
    const a = stranger.shippingData.address;
    assert.deepEqual(
      [a.receiverName, a.street, a.number, a.complement, a.reference, a.postalCode],
      [null, '***', null, null, null, '******040'],
    );
  });

  it('an unknown shopper is neither masked nor recognised', async () => {
    const {stranger} = await knownCart(PROFILE, ADDRESS);
    assert.equal(stranger.clientProfileData.email, PROFILE.email);
    assert.equal(stranger.clientProfileData.firstName, 'Ana');
    assert.equal(stranger.clientProfileData.profileCompleteOnLoading, false);
    assert.equal(stranger.userProfileId, null);
    assert.equal(stranger.canEditData, true);
    assert.equal(stranger.shippingData.address.number, '300');
  });
});

describe('sandbox orderForm: the attached payment follows the cart', () => {
  it('a single payment takes the new value, its installments re-divided', async () => {
    const {s, id} = await cart();
    await add(s, id, [['1', 1]]);
    const attached = await s.body('POST', `${OF}/${id}/attachments/paymentData`, {
      payments: [{paymentSystem: 2, installments: 3, value: 10000, referenceValue: 10000}],
    });
    assert.deepEqual(attached.body.paymentData.payments, [
      {
        paymentSystem: 2,
        paymentSystemName: 'Visa',
        group: 'creditCardPaymentGroup',
        installments: 3,
        installmentsInterestRate: 0,
        installmentsValue: 3333,
        value: 10000,
        referenceValue: 10000,
        bin: null,
        accountId: null,
        tokenId: null,
      },
    ]);
    const r = await add(s, id, [['2', 1]]);
    assert.deepEqual(r.body.paymentData.payments, [
      {
        ...attached.body.paymentData.payments[0],
        installmentsValue: 4444,
        value: 13333,
        referenceValue: 13333,
      },
    ]);
    assert.equal(r.body.value, 13333);
  });

  it('two payments are left as the shopper split them', async () => {
    const {s, id} = await cart();
    await add(s, id, [['1', 1]]);
    await s.body('POST', `${OF}/${id}/attachments/paymentData`, {
      payments: [
        {paymentSystem: 2, value: 6000, referenceValue: 6000},
        {paymentSystem: 6, value: 4000, referenceValue: 4000},
      ],
    });
    const r = await add(s, id, [['2', 1]]);
    assert.deepEqual(
      r.body.paymentData.payments.map((p: Body) => [
        p.paymentSystem,
        p.value,
        p.referenceValue,
        p.installmentsValue,
      ]),
      [
        [2, 6000, 6000, 6000],
        [6, 4000, 4000, 4000],
      ],
    );
  });

  it('syncPayments divides by one installment at least, and keeps an up-to-date payment as it is', () => {
    const payment = {
      paymentSystem: 6,
      paymentSystemName: 'Boleto Bancário',
      group: 'bankInvoicePaymentGroup',
      installments: 0,
      installmentsInterestRate: 0,
      installmentsValue: 0,
      value: 100,
      referenceValue: 100,
      bin: null,
      accountId: null,
      tokenId: null,
    };
    const state = {payments: [payment]} as unknown as CartState;
    syncPayments(state, 100);
    assert.equal(state.payments[0], payment, 'the same object: nothing to change');
    syncPayments(state, 2501);
    assert.deepEqual(state.payments, [
      {...payment, value: 2501, referenceValue: 2501, installmentsValue: 2501},
    ]);
  });
});
