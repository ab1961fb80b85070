/**
 * @kubernetes/client-node takes about half a second to load, so it is loaded on first
 * use, after the host has started, never on the start-up path.
 */
type ClientNode = typeof import('@kubernetes/client-node');

let loading: Promise<ClientNode> | undefined;

export function loadClientNode(): Promise<ClientNode> {
  loading ??= import('@kubernetes/client-node');
  return loading;
}
