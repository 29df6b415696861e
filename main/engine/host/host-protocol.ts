import { z } from 'zod';

// Messages between the desktop shell and the engine host process. Both sides validate them.
export const ToEngine = z.discriminatedUnion('type', [
  // First message: the secret-sealing key from the OS keychain, or null to use the key file.
  z.object({ type: z.literal('start'), secretKey: z.string().nullable() }),
  z.object({ type: z.literal('call'), seq: z.number().int(), text: z.string() }),
  z.object({ type: z.literal('shutdown') }),
]);
export type ToEngine = z.infer<typeof ToEngine>;

export const FromEngine = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), dataDir: z.string(), version: z.string() }),
  z.object({ type: z.literal('reply'), seq: z.number().int(), text: z.string() }),
  z.object({ type: z.literal('event'), text: z.string() }),
  z.object({ type: z.literal('fatal'), message: z.string() }),
]);
export type FromEngine = z.infer<typeof FromEngine>;
