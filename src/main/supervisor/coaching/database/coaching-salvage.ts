/**
 * Recovering rows from a damaged coaching database into a fresh one: each known table is read
 * whole, and where that fails row by row (a damaged page loses its rows, not the table's), and
 * the columns both schemas share are copied. Never throws: what cannot be read is left behind.
 */
import type { Database, SqlValue } from 'sql.js';
import { SALVAGE_TABLES } from './coaching-schema';

/** Row ids probed one by one at most per table (a damaged table of a huge file). */
const MAX_PROBED_ROWS = 500_000;

/** Copy what can be read from `damaged` into `fresh`; returns the number of rows copied. */
export function salvageRows(damaged: Database, fresh: Database): number {
  let copied = 0;
  for (const table of SALVAGE_TABLES) {
    const columns = sharedColumns(damaged, fresh, table);
    if (columns.length === 0) continue;
    const rows = readTable(damaged, table, columns);
    if (rows.length === 0) continue;
    const list = columns.map((column) => `"${column}"`).join(', ');
    const marks = columns.map(() => '?').join(', ');
    const insert = fresh.prepare(`INSERT OR IGNORE INTO ${table} (${list}) VALUES (${marks})`);
    try {
      fresh.run('BEGIN');
      for (const row of rows) {
        insert.run(row);
        copied += fresh.getRowsModified();
      }
      fresh.run('COMMIT');
    } catch {
      fresh.run('ROLLBACK');
    } finally {
      insert.free();
    }
  }
  return copied;
}

function columnsOf(db: Database, table: string): string[] {
  try {
    return (db.exec(`PRAGMA table_info(${table})`)[0]?.values ?? []).map((row) => String(row[1]));
  } catch {
    return [];
  }
}

function sharedColumns(damaged: Database, fresh: Database, table: string): string[] {
  const wanted = new Set(columnsOf(fresh, table));
  return columnsOf(damaged, table).filter((column) => wanted.has(column));
}

/** The rows of `table`: all at once, else one row id at a time, skipping unreadable ones. */
function readTable(db: Database, table: string, columns: string[]): SqlValue[][] {
  const list = columns.map((column) => `"${column}"`).join(', ');
  try {
    return db.exec(`SELECT ${list} FROM ${table}`)[0]?.values ?? [];
  } catch {
    // Fall through: probe row by row.
  }
  let highest = 0;
  try {
    highest = Number(db.exec(`SELECT max(rowid) FROM ${table}`)[0]?.values[0]?.[0] ?? 0);
  } catch {
    return [];
  }
  const rows: SqlValue[][] = [];
  const select = db.prepare(`SELECT ${list} FROM ${table} WHERE rowid = ?`);
  try {
    for (let rowid = 1; rowid <= Math.min(highest, MAX_PROBED_ROWS); rowid += 1) {
      try {
        select.bind([rowid]);
        if (select.step()) rows.push(select.get());
      } catch {
        // This row sits on a damaged page.
      } finally {
        select.reset();
      }
    }
  } finally {
    select.free();
  }
  return rows;
}
