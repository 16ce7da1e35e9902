import type {VtexClient} from '../client/index.js';
import type {OmsOrder, OmsOrderList} from '../client/types.js';

interface Signal {
  signal?: AbortSignal;
}

export interface OrderThumb {
  src: string;
  alt: string;
}

/** The signed-in shopper's orders, newest first, one page. */
export const listOrders = (
  client: VtexClient,
  params: Signal & {page?: number; perPage?: number},
): Promise<OmsOrderList> => client.account.orders(params);

/** One of the signed-in shopper's orders. */
export const orderDetail = (client: VtexClient, orderId: string, options?: Signal): Promise<OmsOrder> =>
  client.account.order(orderId, options);

/**
 * Item images for each order of a list page not in `known`: from the list when OMS gives them, else from the
 * order's detail (gifts left out). An order whose detail fails gets none.
 */
export async function orderThumbs(
  client: VtexClient,
  list: OmsOrderList,
  known?: ReadonlyMap<string, OrderThumb[]>,
  options?: Signal,
): Promise<Map<string, OrderThumb[]>> {
  const next = new Map(known);
  await Promise.all(
    list.list
      .filter((o) => !next.has(o.orderId))
      .map(async (o) => {
        const fromList = (o.items ?? [])
          .filter((i) => i.imageUrl)
          .map((i) => ({src: i.imageUrl!, alt: i.description}));
        if (fromList.length) return next.set(o.orderId, fromList);
        const order = await orderDetail(client, o.orderId, options).catch(() => null);
        if (order)
          next.set(
            o.orderId,
            order.items.filter((i) => i.imageUrl && !i.isGift).map((i) => ({src: i.imageUrl, alt: i.name})),
          );
      }),
  );
  return next;
}
