import { z } from 'zod';

// The largest message any side accepts. Bigger payloads get an error envelope, not a crash.
export const MAX_MESSAGE_BYTES = 1_000_000;

export const ERROR_CODES = [
  'bad_request',
  'unknown_method',
  'not_found',
  'conflict',
  'too_large',
  'unavailable',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const RpcError = z.object({
  code: ErrorCode,
  message: z.string(),
  // Field paths and reasons, so a form can point at the field at fault.
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type RpcError = z.infer<typeof RpcError>;

export const RequestEnvelope = z.object({
  id: z.union([z.number().int(), z.string().max(64)]),
  method: z.string().max(100),
  params: z.unknown().optional(),
});
export type RequestEnvelope = z.infer<typeof RequestEnvelope>;

export const ResponseEnvelope = z.union([
  z.object({ id: z.union([z.number(), z.string(), z.null()]), result: z.unknown() }),
  z.object({ id: z.union([z.number(), z.string(), z.null()]), error: RpcError }),
]);
export type ResponseEnvelope =
  | { id: number | string | null; result: unknown }
  | { id: number | string | null; error: RpcError };

export const EventEnvelope = z.object({ event: z.string(), payload: z.unknown() });
export type EventEnvelope = z.infer<typeof EventEnvelope>;

export function isErrorEnvelope(env: ResponseEnvelope): env is { id: number | string | null; error: RpcError } {
  return 'error' in env;
}
