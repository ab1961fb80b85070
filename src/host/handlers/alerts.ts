import type { alertsChannels } from '../../contract/channels/alerts';
import type { AlertBook } from '../../monitoring/rules/alertBook';
import type { RuleEngine } from '../../monitoring/rules/ruleEngine';
import type { RuleSource } from '../../monitoring/rules/ruleSource';
import type { SilenceStore } from '../../monitoring/rules/silenceStore';
import type { HandlersFor } from '../dispatch';

export interface AlertsDeps {
  engine: RuleEngine;
  source: RuleSource;
  book: AlertBook;
  silences: SilenceStore;
  /** Who acknowledges and silences. */
  actor: string;
  /** Acknowledgements and silences can change what the summary holds and what is notified. */
  onChange: () => void;
}

/** The alerting channels: rules and their files, alerts, acknowledgements and silences. */
export function alertsHandlers({ engine, source, book, silences, actor, onChange }: AlertsDeps): HandlersFor<keyof typeof alertsChannels> {
  const changed = <T>(value: T): T => {
    onChange();
    return value;
  };
  return {
    'rules.list': () => engine.list(),
    'rules.files': () => engine.files(),
    'rules.read': ({ name }) => engine.read(name),
    'rules.validate': ({ name, text }) => engine.validate(name, text),
    'rules.save': ({ name, text }) => engine.save(name, text),
    'rules.setSource': ({ source: id }) => {
      source.choose(id);
      return engine.list();
    },
    'alerts.list': () => book.current(),
    'alerts.history': (query) => book.history(query),
    'alerts.ack': ({ id, comment }) => changed(book.ack(id, actor, comment)),
    'silences.list': () => silences.list(),
    'silences.create': (input) => changed(silences.create({ ...input, createdBy: actor })),
    'silences.expire': ({ id }) => changed(silences.expire(id)),
  };
}
