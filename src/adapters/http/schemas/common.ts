import { z } from '@hono/zod-openapi';
import { ERROR_CODES } from '../../../core/errors.ts';
import type { JsonObject, ListVersionsUsed } from '../../../ports/store.ts';

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      field: z.string().optional().openapi({ description: 'Path of the offending input, e.g. "parties[0].name"' }),
      accepted: z.string().optional().openapi({ description: 'What would have been accepted' }),
      issues: z
        .array(z.object({ code: z.enum(ERROR_CODES), message: z.string(), field: z.string().optional(), accepted: z.string().optional() }))
        .optional()
        .openapi({ description: 'Every problem found, when there was more than one' }),
    }),
  })
  .openapi('Error');

const errorContent = { 'application/json': { schema: ErrorBodySchema } };

/** The error answers every authenticated route can give, for the OpenAPI document. */
export const commonErrors = {
  400: { description: 'Invalid input (`invalid_input`, with the field path)', content: errorContent },
  401: { description: 'Missing, malformed, unknown or revoked API key', content: errorContent },
  403: { description: 'The key’s role may not do this', content: errorContent },
  413: { description: 'Body larger than the limit', content: errorContent },
  429: { description: 'Rate limit for this key exceeded (see Retry-After)', content: errorContent },
} as const;

export const notFoundError = { 404: { description: 'Unknown id', content: errorContent } } as const;
export const conflictError = { 409: { description: 'State does not allow this', content: errorContent } } as const;
export const unprocessableError = { 422: { description: 'Well-formed but not usable (unknown item or country, insufficient data)', content: errorContent } } as const;

export const security = [{ bearer: [] }, { apiKey: [] }];

export const IdParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '6f1c2b8e-1d2a-4c3b-9e8f-0a1b2c3d4e5f' }),
});

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ description: 'Page size (1–500, default 50)' }),
  after: z.string().max(200).optional().openapi({ description: 'Cursor from the previous page’s `next`' }),
};

/** A free-form JSON object (engine inputs and outputs, audit details), typed as the store's JsonObject. */
export const Json = z
  .custom<JsonObject>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { message: 'expected a JSON object' })
  .openapi({ type: 'object', additionalProperties: true });

/** List code → list version id used for a decision. */
export const ListVersionsUsedSchema = z
  .custom<ListVersionsUsed>((value) => typeof value === 'object' && value !== null && !Array.isArray(value))
  .openapi({ type: 'object', additionalProperties: { type: 'string' }, example: { 'bis-entity': '20261127T091500Z-trade-csl-4cb2be84' } });
