/** Go's formatting of float64 values, as Prometheus's templates print them. */

function special(v: number): string | null {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return null;
}

/** Go's e-notation exponent: a sign and at least two digits (1e+06). */
function goExponent(exp: string): string {
  const sign = exp.startsWith('-') ? '-' : '+';
  return `e${sign}${exp.replace(/^[+-]/, '').padStart(2, '0')}`;
}

/** %g at a precision (null: shortest): e-notation when the exponent is < -4 or >= the precision (6 for shortest). */
function goG(v: number, precision: number | null): string {
  const s = special(v);
  if (s) return s;
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [mantissa, exp] = (precision === null ? v.toExponential() : v.toExponential(precision - 1)).split('e') as [string, string];
  const e = Number(exp);
  const limit = precision ?? 6;
  const trimmed = (text: string) => (text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text);
  if (e < -4 || e >= limit) return `${trimmed(mantissa)}${goExponent(exp)}`;
  const digits = precision === null ? undefined : Math.max(0, precision - 1 - e);
  return trimmed(digits === undefined ? String(Number(`${mantissa}e${exp}`)) : Number(`${mantissa}e${exp}`).toFixed(digits));
}

/** How Go's %v prints a float64 (what {{ $value }} shows). */
export const goValue = (v: number) => goG(v, null);

/** Go's %.4g. */
export const goG4 = (v: number) => goG(v, 4);

const LARGE = ['k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
const SMALL = ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y'];

/** Prometheus's humanize: four significant digits with an SI prefix (1.235k, 12.5m). */
export function humanize(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return goG4(value);
  let v = value;
  let prefix = '';
  if (Math.abs(v) >= 1) {
    for (const p of LARGE) {
      if (Math.abs(v) < 1000) break;
      prefix = p;
      v /= 1000;
    }
  } else {
    for (const p of SMALL) {
      if (Math.abs(v) >= 1) break;
      prefix = p;
      v *= 1000;
    }
  }
  return `${goG4(v)}${prefix}`;
}

/** Prometheus's humanizePercentage: a ratio as a percentage with four significant digits. */
export const humanizePercentage = (v: number) => `${goG4(v * 100)}%`;
