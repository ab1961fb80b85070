/** Production readiness of Kubernetes workloads: rules, findings, scores and per-namespace tuning. */

export const READINESS_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type ReadinessSeverity = (typeof READINESS_SEVERITIES)[number];

export type ReadinessCategory = 'reliability' | 'resources' | 'security' | 'images';

export type ReadinessWorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

/** One rule of the documented rule set. */
export interface ReadinessRuleInfo {
  id: string;
  title: string;
  category: ReadinessCategory;
  severity: ReadinessSeverity;
  /** How much a failure costs the workload's score, relative to the other rules. */
  weight: number;
  description: string;
  fix: string;
}

/** A rule that failed on a workload: which part and why. */
export interface ReadinessFinding {
  rule: string;
  severity: ReadinessSeverity;
  weight: number;
  /** The container, volume or object the finding is about ("" for the workload as a whole). */
  subject: string;
  message: string;
}

export interface WorkloadReadiness {
  kind: ReadinessWorkloadKind;
  namespace: string;
  name: string;
  critical: boolean;
  /** 0..100: the share of the applicable rules' weight that passed. */
  score: number;
  findings: ReadinessFinding[];
}

export interface NamespaceReadiness {
  namespace: string;
  score: number;
  /** go: the score reaches the namespace's pass mark and no critical finding is left. */
  verdict: 'go' | 'no-go';
  /** Why no-go, in words; empty for go. */
  reasons: string[];
  workloads: number;
  findings: Record<ReadinessSeverity, number>;
}

export interface ReadinessReport {
  context: string;
  checkedAt: number;
  /** null without workloads. */
  score: number | null;
  namespaces: NamespaceReadiness[];
  workloads: WorkloadReadiness[];
}

/** A namespace's tuning, kept in the store; every field optional, defaults apply. */
export interface ReadinessTuning {
  /** Rules that do not apply in this namespace. */
  disabled: string[];
  /** Severity per rule where it differs from the default. */
  severity: Record<string, ReadinessSeverity>;
  /** The replicas a critical workload needs (default 2). */
  minReplicas: number;
  /** The score a namespace needs for a go (default 80). */
  passScore: number;
  /** Every workload of the namespace counts as critical. */
  allCritical: boolean;
}

export interface ReadinessTuningEntry {
  context: string;
  namespace: string;
  tuning: ReadinessTuning;
}

export interface ReadinessExport {
  fileName: string;
  mediaType: 'text/markdown' | 'text/csv';
  text: string;
}
