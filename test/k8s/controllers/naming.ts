/** Hashes and generated names as the real controllers make them (FNV-1a, "safe" alphabet without vowels). */
import { canonicalJson, clone } from '../json';
import type { PodTemplate } from '../types';

const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

export function fnv1a32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The decimal digits of a number mapped onto the safe alphabet, as pod-template-hash values look. */
export function safeEncode(n: number): string {
  return String(n)
    .split('')
    .map((d) => SAFE[d.charCodeAt(0) % SAFE.length])
    .join('');
}

/** A template without the pod-template-hash label, for hashing and comparing. */
export function templateWithoutHash(template: PodTemplate | undefined): PodTemplate {
  const t = clone(template ?? { spec: { containers: [] } });
  const labels = t.metadata?.labels;
  if (labels && 'pod-template-hash' in labels) {
    const { 'pod-template-hash': _hash, ...rest } = labels;
    t.metadata = { ...t.metadata, labels: rest };
  }
  return t;
}

export function templateHash(template: PodTemplate | undefined, collisionCount = 0): string {
  const text = canonicalJson(templateWithoutHash(template));
  const h = fnv1a32(collisionCount ? `${text}#${collisionCount}` : text);
  return safeEncode(h);
}

export function sameTemplate(a: PodTemplate | undefined, b: PodTemplate | undefined): boolean {
  return canonicalJson(templateWithoutHash(a)) === canonicalJson(templateWithoutHash(b));
}

/** Five characters from the safe alphabet, derived from a seed and a counter (deterministic pod names). */
export function nameSuffix(seed: string, n: number): string {
  let h = fnv1a32(`${seed}/${n}`);
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += SAFE[h % SAFE.length];
    h = Math.floor(h / SAFE.length);
  }
  return out;
}
