import { ContactsRepository } from './contacts-repo.js';
import type { OpenedDatabase } from './db.js';
import { InteractionsRepository } from './interactions-repo.js';
import { KeyValueRepository } from './key-value-repo.js';
import { OutboxRepository } from './outbox-repo.js';
import { RunsRepository } from './runs-repo.js';
import { TombstonesRepository } from './tombstones-repo.js';
import { appState, settings } from './schema.js';

export interface Store {
  database: OpenedDatabase;
  contacts: ContactsRepository;
  interactions: InteractionsRepository;
  runs: RunsRepository;
  settings: KeyValueRepository;
  appState: KeyValueRepository;
  outbox: OutboxRepository;
  tombstones: TombstonesRepository;
}

export function createStore(database: OpenedDatabase, now: () => Date): Store {
  return {
    database,
    contacts: new ContactsRepository(database.db, now),
    interactions: new InteractionsRepository(database.db, now),
    runs: new RunsRepository(database.db, now),
    settings: new KeyValueRepository(database.db, settings, now),
    appState: new KeyValueRepository(database.db, appState, now),
    outbox: new OutboxRepository(database.db, now),
    tombstones: new TombstonesRepository(database.db, now),
  };
}
