/** The two IPC channels between preload and main; nothing else crosses. */
export const INVOKE_CHANNEL = 'opsdeck:invoke';
export const EVENT_CHANNEL = 'opsdeck:event';
