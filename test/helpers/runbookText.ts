/** A valid runbook with the given front matter lines replaced or added, and the given steps. */
export function runbookText({ matter = {}, steps = '1. Look at the pods.\n2. Restart the deployment.', extra = '' }: { matter?: Record<string, string | null>; steps?: string; extra?: string } = {}): string {
  const fields: Record<string, string | null> = {
    id: 'web-down',
    title: 'Web is down',
    category: 'kubernetes',
    severity: 'high',
    tags: '[web, pods]',
    objectives: '[Bring web back]',
    ...matter,
  };
  const front = Object.entries(fields)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${front}\n---\n\n# Web is down\n\n## Steps\n\n${steps}\n\n## Rollback\n\nNothing to undo.\n\n## Verification\n\nWeb answers.\n${extra}`;
}
