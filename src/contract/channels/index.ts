import type { z } from 'zod';
import { alertsChannels } from './alerts';
import { coreChannels, coreEvents } from './core';
import { dockerChannels, dockerEvents } from './docker';
import { k8sChannels, k8sEvents } from './k8s';
import { prometheusChannels, prometheusEvents } from './prometheus';
import { notificationsChannels, notificationsEvents } from './notifications';
import { routingChannels } from './routing';
import { sloChannels } from './slo';
import { insightsChannels, insightsEvents } from './insights';
import { readinessChannels } from './readiness';
import { overviewChannels, overviewEvents } from './overview';
import { costChannels, costEvents } from './cost';
import { recoveryChannels, recoveryEvents } from './recovery';
import { costAllocationChannels } from './costAllocation';
import { runbooksChannels, runbooksEvents } from './runbooks';

export { dockerAction, type DockerAction } from './docker';
export { k8sAction, type K8sAction } from './k8s';

/**
 * Every request the renderer can make: name, payload schema, result type.
 * The host implements exactly these; preload, serve mode and renderer are typed from them.
 * Each domain declares its own in a file of this folder.
 */
export const channels = { ...coreChannels, ...k8sChannels, ...dockerChannels, ...prometheusChannels, ...alertsChannels, ...routingChannels, ...notificationsChannels, ...sloChannels, ...insightsChannels, ...costChannels, ...recoveryChannels, ...costAllocationChannels, ...readinessChannels, ...overviewChannels, ...runbooksChannels } as const;

/** Every stream the host pushes, with its data type. */
export const events = { ...coreEvents, ...k8sEvents, ...dockerEvents, ...prometheusEvents, ...notificationsEvents, ...insightsEvents, ...costEvents, ...recoveryEvents, ...overviewEvents, ...runbooksEvents } as const;

export type ChannelName = keyof typeof channels;
export type ChannelInput<K extends ChannelName> = z.input<(typeof channels)[K]['input']>;
export type ParsedInput<K extends ChannelName> = z.output<(typeof channels)[K]['input']>;
export type ChannelOutput<K extends ChannelName> = (typeof channels)[K]['output'];

export type EventName = keyof typeof events;
export type EventData<K extends EventName> = (typeof events)[K];
export type HostEvent = { [K in EventName]: { name: K; data: EventData<K> } }[EventName];

export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.hasOwn(channels, name);
