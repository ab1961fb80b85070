import {
  channels,
  isChannelName,
  OpsdeckError,
  type ChannelName,
  type ChannelOutput,
  type ParsedInput,
  type Result,
} from '../contract';

/** Implementations of the channels in K; each domain supplies its own and the host joins them. */
export type HandlersFor<K extends ChannelName> = {
  [P in K]: (input: ParsedInput<P>) => ChannelOutput<P> | Promise<ChannelOutput<P>>;
};

export type Handlers = HandlersFor<ChannelName>;

/**
 * Validates a request against the contract and runs its handler.
 * Never throws: every failure comes back as a typed error.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!isChannelName(channel)) {
    return {
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${String(channel).slice(0, 100)}` },
    };
  }
  const parsed = channels[channel].input.safeParse(payload ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(payload)',
      message: i.message,
    }));
    return {
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: `Invalid payload for ${channel}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    if (err instanceof OpsdeckError) return { ok: false, error: { code: err.code, message: err.message } };
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'INTERNAL', message: `${channel} failed: ${message}` } };
  }
}
