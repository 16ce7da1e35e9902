import type {Http, RequestOptions} from './http.js';
import type {OmsOrder, OmsOrderList} from './types.js';

/** OMS user routes: they need the shopper's user token, which the bridge attaches from its cookie. */
export function createAccountApi(http: Http) {
  return {
    /** OMS#Userorderslist — newest first, `page` 1-based. */
    orders(params: RequestOptions & {page?: number; perPage?: number} = {}): Promise<OmsOrderList> {
      return http.json('/api/oms/user/orders', {
        query: {page: params.page ?? 1, per_page: params.perPage ?? 10},
        signal: params.signal,
      });
    },
    /** OMS#Userorderdetails */
    order(orderId: string, options: RequestOptions = {}): Promise<OmsOrder> {
      return http.json(`/api/oms/user/orders/${encodeURIComponent(orderId)}`, {signal: options.signal});
    },
  };
}

export type AccountApi = ReturnType<typeof createAccountApi>;
