import type { BudgetScope } from '../../contract';
import { sqlString } from '../billing/billingDb';
import type { RowFilter } from '../billing/billingQueries';
import { tagPath, tagValueSql } from '../billing/focusColumns';

/** Tag keys that carry a Kubernetes namespace in billing data, looked up in this order. */
export const NAMESPACE_TAG_KEYS = ['k8s-namespace', 'kubernetes-namespace', 'namespace'] as const;

/** The billing rows a budget counts. */
export function scopeFilter(scope: BudgetScope): RowFilter {
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', params: {} };
    case 'provider':
      return { sql: 'provider = $f_value', params: { f_value: scope.value } };
    case 'service':
      return { sql: 'service = $f_value', params: { f_value: scope.value } };
    case 'tag':
      return { sql: `${tagValueSql('$f_key')} = $f_value`, params: { f_key: tagPath(scope.key), f_value: scope.value } };
    case 'namespace':
      return {
        sql: `coalesce(${NAMESPACE_TAG_KEYS.map((k) => tagValueSql(sqlString(tagPath(k)))).join(', ')}) = $f_value`,
        params: { f_value: scope.value },
      };
  }
}

export function describeScope(scope: BudgetScope): string {
  switch (scope.kind) {
    case 'all':
      return 'all spend';
    case 'tag':
      return `tag ${scope.key}=${scope.value}`;
    default:
      return `${scope.kind} ${scope.value}`;
  }
}
