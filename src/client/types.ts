/**
 * The VTEX REST shapes the kit reads (see ../shared/vtex/API.md). Only the fields the kit uses are typed
 * precisely; the rest are left open. Money: Checkout/OMS in integer cents, Intelligent Search in decimals.
 */

// ---------- Intelligent Search v1 (decimal currency units) ----------

export interface ISInstallment {
  Value: number;
  InterestRate: number;
  TotalValuePlusInterestRate: number;
  NumberOfInstallments: number;
  PaymentSystemName: string;
  PaymentSystemGroupName?: string;
  Name?: string;
}

export interface ISCommertialOffer {
  Price: number;
  ListPrice: number;
  PriceWithoutDiscount: number;
  spotPrice?: number;
  AvailableQuantity: number;
  Installments: ISInstallment[];
  PriceValidUntil?: string;
  Tax?: number;
  teasers?: unknown[];
  discountHighlights?: unknown[];
}

export interface ISSeller {
  sellerId: string;
  sellerName: string;
  sellerDefault: boolean;
  addToCartLink?: string;
  commertialOffer: ISCommertialOffer;
}

export interface ISImage {
  imageId: string;
  imageUrl: string;
  imageText?: string;
  imageLabel?: string | null;
  imageTag?: string;
  cacheId?: string;
}

export interface ISSku {
  itemId: string;
  name: string;
  nameComplete: string;
  complementName?: string;
  ean?: string;
  referenceId?: {Key: string; Value: string}[];
  measurementUnit?: string;
  unitMultiplier?: number;
  variations: {name: string; values: string[]}[];
  images: ISImage[];
  sellers: ISSeller[];
}

export interface ISSpecification {
  name: string;
  originalName?: string;
  values: string[];
}

export interface ISProduct {
  productId: string;
  productName: string;
  description: string;
  productReference?: string;
  linkText: string;
  link: string;
  brand: string;
  brandId: number;
  categories: string[];
  categoryId?: string;
  categoriesIds?: string[];
  priceRange: {
    sellingPrice: {highPrice: number; lowPrice: number};
    listPrice: {highPrice: number; lowPrice: number};
  };
  specificationGroups: {name: string; originalName?: string; specifications: ISSpecification[]}[];
  skuSpecifications: {
    field: {name: string; originalName?: string};
    values: {name: string; originalName?: string}[];
  }[];
  productClusters?: {id: string; name: string}[];
  clusterHighlights?: {id: string; name: string}[];
  properties?: ISSpecification[];
  items: ISSku[];
  releaseDate?: number;
  cacheId?: string;
}

export interface ISPageIndex {
  index: number;
  proxyUrl?: string;
}

export interface ProductSearchResult {
  products: ISProduct[];
  recordsFiltered: number;
  pagination: {
    count: number;
    perPage: number;
    current: ISPageIndex;
    next: ISPageIndex;
    previous: ISPageIndex;
    first: ISPageIndex;
    last: ISPageIndex;
    before: ISPageIndex[];
    after: ISPageIndex[];
  };
  correction?: {misspelled: boolean};
  fuzzy?: string;
  operator?: string;
  redirect?: string | null;
  translated?: boolean;
  searchId?: string;
}

export interface FacetValue {
  id?: string;
  key: string;
  value: string;
  name: string;
  quantity: number;
  selected: boolean;
  href?: string;
  range?: {from: number; to: number};
}

export interface Facet {
  key: string;
  name: string;
  type: 'TEXT' | 'PRICERANGE' | 'DELIVERY' | string;
  hidden: boolean;
  quantity: number;
  values: FacetValue[];
}

export interface FacetsResult {
  facets: Facet[];
  breadcrumb?: {name: string; href: string}[];
  queryArgs?: {query: string; selectedFacets: {key: string; value: string}[]};
  sampling?: boolean;
  translated?: boolean;
}

export interface AutocompleteResult {
  searches: {
    term: string;
    count: number;
    attributes?: {key: string; value: string; labelKey: string; labelValue: string}[];
  }[];
}

/** A selected facet: `{key: 'brand', value: 'acme'}` becomes `/brand/acme` in the path. */
export interface SelectedFacet {
  key: string;
  value: string;
}

export type SearchSort =
  | ''
  | 'price:desc'
  | 'price:asc'
  | 'orders:desc'
  | 'name:desc'
  | 'name:asc'
  | 'release:desc'
  | 'discount:desc';

// ---------- Checkout (integer cents) ----------

export interface OrderFormMessage {
  code: string | null;
  text: string;
  status: 'error' | 'warning' | 'info' | string;
  fields?: Record<string, string>;
}

export interface PriceTag {
  name: string;
  value: number;
  rawValue: number;
  isPercentual: boolean;
  identifier: string | null;
}

export interface OrderFormItem {
  uniqueId: string;
  id: string;
  productId: string;
  refId?: string | null;
  ean?: string | null;
  name: string;
  skuName: string;
  quantity: number;
  seller: string;
  price: number;
  listPrice: number;
  sellingPrice: number;
  isGift: boolean;
  imageUrl: string;
  detailUrl: string;
  availability: 'available' | 'withoutStock' | 'cannotBeDelivered' | string;
  measurementUnit?: string;
  unitMultiplier?: number;
  priceTags: PriceTag[];
  priceDefinition?: {
    calculatedSellingPrice: number;
    total: number;
    sellingPrices: {value: number; quantity: number}[];
  };
  additionalInfo?: {brandName?: string | null; brandId?: string | null};
  productCategoryIds?: string;
  productCategories?: Record<string, string>;
}

export interface Totalizer {
  id: 'Items' | 'Discounts' | 'Shipping' | 'Tax' | string;
  name: string;
  value: number;
}

export interface Address {
  addressType?: string | null;
  receiverName?: string | null;
  addressId?: string | null;
  isDisposable?: boolean;
  postalCode: string | null;
  city?: string | null;
  state?: string | null;
  country: string | null;
  street?: string | null;
  number?: string | null;
  neighborhood?: string | null;
  complement?: string | null;
  reference?: string | null;
  geoCoordinates?: number[];
}

export interface PickupStoreInfo {
  isPickupStore: boolean;
  friendlyName: string | null;
  address: Address | null;
  additionalInfo: string | null;
  dockId?: string | null;
}

export interface Sla {
  id: string;
  name: string;
  deliveryChannel: 'delivery' | 'pickup-in-point' | string;
  price: number;
  listPrice?: number;
  tax?: number;
  shippingEstimate: string;
  shippingEstimateDate?: string | null;
  pickupPointId?: string | null;
  pickupDistance?: number | null;
  pickupStoreInfo?: PickupStoreInfo | null;
}

export interface LogisticsInfo {
  itemIndex: number;
  selectedSla: string | null;
  selectedDeliveryChannel?: string | null;
  slas: Sla[];
  shipsTo?: string[];
  itemId?: string;
}

export interface ShippingData {
  address: Address | null;
  availableAddresses?: Address[];
  selectedAddresses?: Address[];
  logisticsInfo: LogisticsInfo[];
  pickupPoints?: unknown[];
}

export interface ClientProfileData {
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  document: string | null;
  documentType: string | null;
  phone: string | null;
  isCorporate?: boolean;
  corporateName?: string | null;
  tradeName?: string | null;
  corporateDocument?: string | null;
  stateInscription?: string | null;
  corporatePhone?: string | null;
  profileCompleteOnLoading?: boolean | null;
}

export interface PaymentSystem {
  id: number;
  name: string;
  groupName: string;
  stringId?: string;
  requiresDocument?: boolean;
  requiresAuthentication?: boolean;
  description?: string | null;
  dueDate?: string | null;
  validator?: {
    regex: string | null;
    mask: string | null;
    cardCodeRegex: string | null;
    cardCodeMask: string | null;
    weights: number[] | null;
    useCvv: boolean;
    useExpirationDate: boolean;
    useCardHolderName: boolean;
    useBillingAddress: boolean;
  } | null;
}

export interface InstallmentOption {
  count: number;
  hasInterestRate: boolean;
  interestRate: number;
  value: number;
  total: number;
}

export interface Payment {
  paymentSystem: string | number;
  installments: number | null;
  value: number;
  referenceValue: number;
  installmentsInterestRate?: number | null;
  installmentsValue?: number | null;
  group?: string;
  hasDefaultBillingAddress?: boolean;
}

export interface PaymentData {
  paymentSystems: PaymentSystem[];
  payments: Payment[];
  installmentOptions: {paymentSystem: string | number; value: number; installments: InstallmentOption[]}[];
  giftCards?: unknown[];
  availableAccounts?: unknown[];
  updateStatus?: 'updated' | 'outdated' | string;
}

export interface StorePreferencesData {
  countryCode: string;
  currencyCode: string;
  currencySymbol: string;
  currencyLocale?: number;
  timeZone?: string;
  currencyFormatInfo: {
    currencyDecimalDigits: number;
    currencyDecimalSeparator: string;
    currencyGroupSeparator: string;
    currencyGroupSize: number;
    startsWithCurrencySymbol: boolean;
  };
}

export interface OrderForm {
  orderFormId: string;
  salesChannel: string;
  loggedIn: boolean;
  canEditData: boolean;
  userProfileId?: string | null;
  value: number;
  messages: OrderFormMessage[];
  items: OrderFormItem[];
  totalizers: Totalizer[];
  shippingData: ShippingData | null;
  clientProfileData: ClientProfileData | null;
  paymentData: PaymentData;
  marketingData: {coupon: string | null; [key: string]: unknown} | null;
  sellers: {id: string; name: string; logo?: string | null}[];
  clientPreferencesData: {locale: string | null; optinNewsLetter: boolean | null} | null;
  storePreferencesData: StorePreferencesData;
  itemMetadata?: {
    items: {
      id: string;
      seller: string;
      name: string;
      skuName: string;
      productId: string;
      imageUrl: string;
      detailUrl: string;
    }[];
  } | null;
}

export interface SimulationRequest {
  items: {id: string; quantity: number; seller: string}[];
  postalCode?: string;
  country: string;
  geoCoordinates?: [number, number];
}

export interface SimulationResult {
  items: {
    id: string;
    requestIndex: number;
    quantity: number;
    seller: string;
    price: number;
    listPrice: number;
    sellingPrice: number;
    availability: string;
  }[];
  logisticsInfo: LogisticsInfo[];
  messages: OrderFormMessage[];
  pickupPoints?: unknown[];
  postalCode?: string | null;
  country?: string | null;
  totals?: Totalizer[];
}

export interface PostalCodeAddress {
  postalCode: string;
  city: string;
  state: string;
  country: string;
  street: string;
  number?: string;
  neighborhood: string;
  complement?: string;
  reference?: string | null;
  geoCoordinates?: number[];
}

export interface ClientProfileInput {
  email: string;
  firstName: string;
  lastName: string;
  documentType: string;
  document: string;
  phone?: string;
  isCorporate?: boolean;
  corporateName?: string;
  tradeName?: string;
  corporateDocument?: string;
  stateInscription?: string;
  corporatePhone?: string;
}

export interface ShippingDataInput {
  clearAddressIfPostalCodeNotFound?: boolean;
  selectedAddresses?: Address[];
  logisticsInfo?: {itemIndex: number; selectedSla: string; selectedDeliveryChannel?: string}[];
}

export interface PaymentDataInput {
  payments: Payment[];
}

export interface InstallmentsResult {
  paymentSystem: string | number;
  value: number;
  paymentName?: string | null;
  paymentGroupName?: string | null;
  installments: InstallmentOption[];
}

export interface ProfileLookup {
  userProfileId: string | null;
  isComplete: boolean;
  userProfile: Partial<ClientProfileData> | null;
  availableAddresses: Address[];
}

export interface PlaceOrderInput {
  /** orderForm.value + interest (cents) */
  value: number;
  /** orderForm.value (cents) */
  referenceValue: number;
  interestValue: number;
  savePersonalData?: boolean;
  optinNewsLetter?: boolean;
}

/** The part of an OMS-like order returned by the placement step. */
export interface PlacedOrderSummary {
  orderId: string;
  orderGroup: string;
  value: number;
  state?: string;
  items?: OrderFormItem[];
  [key: string]: unknown;
}

/** The normalized result of step 1 of order placement, whatever shape VTEX answered with (API.md §11.1). */
export interface PlacedTransaction {
  orderGroup: string;
  transactionId: string;
  merchantName: string;
  orders: PlacedOrderSummary[];
  receiverUri?: string;
}

export interface PaymentInput {
  paymentSystem: number | string;
  installments: number;
  currencyCode: string;
  value: number;
  installmentsInterestRate: number;
  installmentsValue: number;
  referenceValue: number;
  /** Card data goes here and only here. Empty `{}` for non-card methods. */
  fields: Record<string, string | null>;
  transaction: {id: string; merchantName: string};
}

export type GatewayCallbackResult =
  | {status: 'approved'}
  | {
      status: 'action-required';
      redirectUrl: string | null;
      /** Pix / app-based payments: what the shopper must do next. */
      app: {appName: string; payload: Record<string, unknown>} | null;
    };

// ---------- OMS (integer cents) ----------

export interface OmsOrderSummary {
  orderId: string;
  creationDate: string;
  clientName: string;
  totalValue: number;
  paymentNames: string | null;
  status: string;
  statusDescription?: string;
  sequence: string;
  currencyCode: string | null;
  totalItems: number;
  ShippingEstimatedDate?: string | null;
  items:
    | {
        id: string;
        productId: string;
        description: string;
        quantity: number;
        price: number;
        sellingPrice: number;
        seller: string;
        imageUrl?: string;
      }[]
    | null;
}

export interface OmsOrderList {
  list: OmsOrderSummary[];
  paging: {total: number; pages: number; currentPage: number; perPage: number};
}

export interface OmsOrder {
  orderId: string;
  orderGroup: string;
  sequence: string;
  status: string;
  statusDescription?: string;
  value: number;
  creationDate: string;
  lastChange?: string;
  totals: Totalizer[];
  items: (OrderFormItem & {listPrice: number})[];
  clientProfileData: Partial<ClientProfileData> | null;
  shippingData: {
    address: Address | null;
    logisticsInfo: {
      itemIndex: number;
      selectedSla: string;
      price: number;
      shippingEstimate: string;
      shippingEstimateDate?: string | null;
      deliveryChannel?: string;
      pickupStoreInfo?: PickupStoreInfo | null;
    }[];
  } | null;
  paymentData: {
    transactions: {
      transactionId: string;
      payments: {
        id: string;
        paymentSystem: string;
        paymentSystemName: string;
        group: string;
        value: number;
        installments: number;
        lastDigits?: string | null;
        url?: string | null;
        dueDate?: string | null;
      }[];
    }[];
  } | null;
  storePreferencesData?: {currencyCode: string; currencySymbol?: string; countryCode?: string};
  packageAttachment?: {packages: unknown[]} | null;
  isCompleted?: boolean;
}

// ---------- Session Manager ----------

export interface SessionLeaf {
  value: string;
}

export interface SessionResponse {
  id: string;
  namespaces: Record<string, Record<string, SessionLeaf | undefined> | undefined>;
}

/** The kit's normalized view of the shopper's session. */
export interface ShopperSession {
  signedIn: boolean;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  cultureInfo: string | null;
  currencyCode: string | null;
}
