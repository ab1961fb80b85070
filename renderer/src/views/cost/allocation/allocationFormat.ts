import { COST_UNALLOCATED } from '@contract/types';

/** Resource-hours with a few significant digits. */
export const formatHours = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(1) : n.toPrecision(2));

/** A group key as a person reads it. */
export const groupLabel = (key: string): string => (key === COST_UNALLOCATED ? '(no label)' : key === '__other__' ? 'Other' : key);
