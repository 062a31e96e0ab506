import { z } from '@hono/zod-openapi';
import { ORDER_COLUMNS } from '../../../core/determination/parse-order-line.ts';

const cell = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

/** One order line keyed by the order-book column names; unknown columns are kept and passed through. */
export const OrderLineBody = z
  .record(z.string().max(100), cell)
  .refine((r) => Object.keys(r).length <= 100, { message: 'at most 100 columns' })
  .openapi('OrderLine', {
    description: `Order-book columns: ${ORDER_COLUMNS.join(', ')} (order_id, order_date, item, quantity, ship_to_country, end_user, end_user_country required)`,
    example: {
      order_id: 'SO-1001',
      order_date: '2026-03-02',
      item: 'nvidia-h100-sxm5-80gb',
      quantity: 8,
      ship_to_country: 'SG',
      end_user: 'Example Compute Pte Ltd',
      end_user_country: 'SG',
    },
  });

export const Regime = z.enum(['enforced', 'codified']).openapi({ description: '"codified" applies rules that are published but not enforced (e.g. AI Diffusion)' });
