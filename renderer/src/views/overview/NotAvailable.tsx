export function NotAvailable() {
  return <span className="muted">Not available on this platform</span>;
}
