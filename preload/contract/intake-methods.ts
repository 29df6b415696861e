import { z } from 'zod';

// How an intake reads its POST body: Alertmanager's webhook receiver payload or Trayage's plain JSON shape.
export const IntakeKind = z.enum(['alertmanager', 'json']);
export type IntakeKind = z.infer<typeof IntakeKind>;

export const IntegrationName = z
  .string()
  .trim()
  .min(1, { message: 'name is required' })
  .max(60, { message: 'name is longer than 60 characters' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'name may hold only letters, digits, dots, dashes and underscores, starting with a letter or digit' });

// An integration as listed: never its token, which is shown once when made or rotated.
export const Integration = z.object({
  name: z.string(),
  kind: IntakeKind,
  // The URL path to POST to, on the `serve` port or the desktop intake listener.
  path: z.string(),
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
});
export type Integration = z.infer<typeof Integration>;

export const IntegrationWithToken = Integration.extend({ token: z.string() });
export type IntegrationWithToken = z.infer<typeof IntegrationWithToken>;

// Where the desktop app listens for intake requests (`serve` takes them on its own port).
export const IntakeListener = z.object({
  host: z.string(),
  port: z.number().int(),
});
export type IntakeListener = z.infer<typeof IntakeListener>;

const ByName = z.object({ name: IntegrationName }).strict();

export const intakeMethods = {
  'integrations.list': {
    params: z.object({}).strict().default({}),
    result: z.object({ integrations: z.array(Integration), listener: IntakeListener }),
  },
  'integrations.add': { params: z.object({ name: IntegrationName, kind: IntakeKind }).strict(), result: IntegrationWithToken },
  'integrations.delete': { params: ByName, result: z.object({ deleted: z.boolean() }) },
  // A new token; the old one stops working at once.
  'integrations.rotate': { params: ByName, result: IntegrationWithToken },
  // Taken by the desktop engine when it next starts; an address other than loopback is logged as a warning.
  'integrations.listen': {
    params: z
      .object({
        host: z.string().trim().min(1, { message: 'host is required' }).max(100).regex(/^[0-9A-Fa-f.:]+$|^localhost$/, { message: 'host must be an IP address (127.0.0.1, 0.0.0.0, ::1) or localhost' }),
        port: z.number().int().min(1, { message: 'port must be 1–65535' }).max(65_535, { message: 'port must be 1–65535' }),
      })
      .strict(),
    result: IntakeListener,
  },
} as const;
