import { z } from 'zod';
import type { RouteTestResult, RoutingConfigInfo, RoutingValidation } from '../types';
import { empty, returns } from './schema';

const configText = z.string().max(1_048_576);
/** An alert's labels; names as Alertmanager allows them. */
const labels = z
  .record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be a label name (letters, digits and _)').max(1024), z.string().max(4096))
  .refine((l) => Object.keys(l).length <= 100, 'at most 100 labels');

export const routingChannels = {
  /** The routing config (Alertmanager's format): its text, where it is saved, and its route tree. */
  'routing.get': { input: empty, output: returns<RoutingConfigInfo>() },
  /** Checks a config's text; each problem with its line. */
  'routing.validate': { input: z.object({ text: configText }).strict(), output: returns<RoutingValidation>() },
  /** Validates, then replaces <dataDir>/alertmanager.yml whole; invalid text is refused and the file stays. */
  'routing.save': { input: z.object({ text: configText }).strict(), output: returns<RoutingConfigInfo>() },
  /** The routes an alert with these labels would take in the saved config, or in text when given. */
  'routing.test': { input: z.object({ labels, text: configText.optional() }).strict(), output: returns<RouteTestResult>() },
} as const;
