import type { ReadinessTuning } from '../contract/types';

export const DEFAULT_TUNING: ReadinessTuning = Object.freeze({ disabled: [], severity: {}, minReplicas: 2, passScore: 80, allCritical: false });

/** A stored tuning over the defaults, so fields added later get their default. */
export const withDefaults = (t: Partial<ReadinessTuning> | undefined): ReadinessTuning => ({ ...DEFAULT_TUNING, ...(t ?? {}) });
