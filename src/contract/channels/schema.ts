import { z } from 'zod';

/** A phantom marker that carries a result type without a runtime value. */
export const returns = <T>() => undefined as unknown as T;

/** The payload of a channel that takes none. */
export const empty = z.object({}).strict();
