/**
 * The coaching database's schema as numbered migrations. `PRAGMA user_version` holds the
 * version a file is at; opening runs every later step in one transaction each. Migrations are
 * only ever appended: a step that shipped is never edited.
 */

export interface Migration {
  /** The version this step leads to (1, 2, …). */
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE agent_states (
        id INTEGER PRIMARY KEY,
        work_no TEXT NOT NULL,
        state TEXT NOT NULL,
        since INTEGER NOT NULL,
        exact INTEGER NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX agent_states_by_agent ON agent_states (work_no, at);
      CREATE TABLE actions (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        source TEXT NOT NULL,
        outcome TEXT NOT NULL,
        retcode TEXT,
        message TEXT,
        mode_before TEXT,
        mode_after TEXT,
        duration_ms INTEGER,
        UNIQUE (at, action, target, source, outcome)
      );
      CREATE TABLE action_agents (
        action_id INTEGER NOT NULL,
        work_no TEXT NOT NULL,
        PRIMARY KEY (work_no, action_id)
      );
      CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        content TEXT NOT NULL,
        source TEXT NOT NULL
      );
      CREATE TABLE note_recipients (
        note_id INTEGER NOT NULL,
        work_no TEXT NOT NULL,
        batch INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        retcode TEXT,
        signed_in INTEGER NOT NULL,
        PRIMARY KEY (work_no, note_id)
      );
      CREATE TABLE inspections (
        id INTEGER PRIMARY KEY,
        work_no TEXT NOT NULL,
        call_id TEXT,
        mode TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER
      );
      CREATE TABLE scorecards (
        id INTEGER PRIMARY KEY,
        inspection_id INTEGER,
        work_no TEXT NOT NULL,
        at INTEGER NOT NULL,
        form_id TEXT NOT NULL,
        form_name TEXT NOT NULL,
        max_score INTEGER NOT NULL,
        total INTEGER NOT NULL,
        comment TEXT NOT NULL,
        items TEXT NOT NULL
      );
      CREATE INDEX scorecards_by_agent ON scorecards (work_no, at);
    `,
  },
  {
    // Where an inspection came from (the sampler's "one call per agent per shift" counts its
    // own and every other listen), and indexes for retention and the per-agent timeline.
    version: 2,
    sql: `
      ALTER TABLE inspections ADD COLUMN origin TEXT NOT NULL DEFAULT 'manual';
      CREATE INDEX inspections_by_agent ON inspections (work_no, started_at);
      CREATE INDEX actions_by_time ON actions (at);
      CREATE INDEX notes_by_time ON notes (at);
    `,
  },
  {
    // A state row is an append again: the per-agent index cost ~4 µs a row on the path every
    // roster change takes (all day, thousands a minute in a big center); one agent's timeline
    // scans the capped table instead (~18 ms at 300,000 rows, when a coaching file is opened).
    // docs/decisions/coaching.md, "State rows without a per-agent index".
    version: 3,
    sql: `DROP INDEX agent_states_by_agent;`,
  },
];

/** The version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Tables whose rows are worth recovering from a damaged file, parents before children. */
export const SALVAGE_TABLES = [
  'agent_states',
  'actions',
  'action_agents',
  'notes',
  'note_recipients',
  'inspections',
  'scorecards',
] as const;
