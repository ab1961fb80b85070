/** Kubernetes resource quantities ("7800m", "31721192Ki", "1.5Gi", "2e3") as plain numbers. */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

export function parseQuantity(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = QUANTITY.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in BINARY) return n * BINARY[suffix]!;
  if (suffix in DECIMAL) return n * DECIMAL[suffix]!;
  return n * 10 ** Number(suffix.slice(1));
}

export const cpuMillis = (text: unknown): number => Math.round((parseQuantity(text) ?? 0) * 1000);

export const bytes = (text: unknown): number => Math.round(parseQuantity(text) ?? 0);

/** CPU as a quantity: whole cores as "4", else millicores as "3500m". */
export const cpuText = (millis: number): string => (millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`);

const BINARY_UNITS = ['Ki', 'Mi', 'Gi', 'Ti', 'Pi'] as const;

/** Bytes in the largest binary unit that keeps at least one whole: "512Mi", "31.5Gi". */
export function bytesText(n: number): string {
  let value = n;
  let unit = '';
  for (const u of BINARY_UNITS) {
    if (value < 1024) break;
    value /= 1024;
    unit = u;
  }
  return `${Math.round(value * 10) / 10}${unit}`;
}

/** GPUs in a resource list: the extended resources vendors name "<vendor>/gpu" (nvidia.com/gpu, amd.com/gpu). */
export function gpusIn(resources: Readonly<Record<string, unknown>>): number {
  let n = 0;
  for (const key in resources) if (key.endsWith('/gpu')) n += parseQuantity(resources[key]) ?? 0;
  return n;
}
