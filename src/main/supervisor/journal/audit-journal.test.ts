import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../shared/domain';
import { AuditJournal, JOURNAL_FILE_NAME, parseJournalText } from './audit-journal';
import { formatCsvCell, formatJournalCsv, formatJournalJson } from './journal-export';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function entry(index: number, extra: Partial<JournalEntry> = {}): JournalEntry {
  return {
    at: new Date(Date.UTC(2025, 0, 1, 0, 0, index)).toISOString(),
    action: 'listen',
    target: String(1000 + index),
    source: 'hotkey',
    modeBefore: 'idle',
    modeAfter: 'listening',
    outcome: 'ok',
    retcode: null,
    message: null,
    durationMs: 12,
    ...extra,
  };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('AuditJournal', () => {
  it('appends one line per entry and lists newest first', () => {
    const journal = new AuditJournal(dir, silent);
    for (let i = 0; i < 5; i++) expect(journal.append(entry(i))).toBe(true);
    const lines = fs.readFileSync(path.join(dir, JOURNAL_FILE_NAME), 'utf8').split('\n');
    expect(lines).toHaveLength(6);
    expect(journal.listNewest(2).map((e) => e.target)).toEqual(['1004', '1003']);
    expect(journal.readAll().map((e) => e.target)).toEqual([
      '1000',
      '1001',
      '1002',
      '1003',
      '1004',
    ]);
    journal.close();
  });

  it('reads the tail of a large file correctly across chunk boundaries', () => {
    const journal = new AuditJournal(dir, silent);
    const long = 'x'.repeat(900);
    for (let i = 0; i < 300; i++) journal.append(entry(i, { message: `${long} 说明 ${i}` }));
    const newest = journal.listNewest(120);
    expect(newest).toHaveLength(120);
    expect(newest[0]?.message).toMatch(/说明 299$/);
    expect(newest[119]?.message).toMatch(/说明 180$/);
    journal.close();
  });

  it('skips a torn last line and keeps the next append intact', () => {
    const file = path.join(dir, JOURNAL_FILE_NAME);
    fs.writeFileSync(
      file,
      `${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2))}\n{"at":"2025-01-01T00:0`,
    );
    const journal = new AuditJournal(dir, silent);
    expect(journal.listNewest(10).map((e) => e.target)).toEqual(['1002', '1001']);
    journal.append(entry(3));
    expect(journal.readAll().map((e) => e.target)).toEqual(['1001', '1002', '1003']);
    journal.close();
  });

  it('ignores foreign and blank lines', () => {
    expect(
      parseJournalText('\n{"hello":1}\nnot json\n' + JSON.stringify(entry(4)) + '\n\n'),
    ).toHaveLength(1);
  });

  it('returns nothing for a journal that does not exist yet', () => {
    const journal = new AuditJournal(path.join(dir, 'missing'), silent);
    expect(journal.listNewest(5)).toEqual([]);
    expect(journal.readAll()).toEqual([]);
  });

  it('reports a failed append instead of throwing', () => {
    const blocker = path.join(dir, 'file-not-dir');
    fs.writeFileSync(blocker, '');
    const errors: string[] = [];
    const journal = new AuditJournal(blocker, {
      ...silent,
      error: (message: string) => errors.push(message),
    });
    expect(journal.append(entry(1))).toBe(false);
    expect(errors).toEqual(['audit journal append failed']);
  });

  it('measures append + fsync cost', () => {
    const journal = new AuditJournal(dir, silent);
    const started = performance.now();
    for (let i = 0; i < 50; i++) journal.append(entry(i));
    const perAppend = (performance.now() - started) / 50;
    console.log(`[journal] append + fsync: ${perAppend.toFixed(3)} ms per entry (50 entries)`);
    expect(perAppend).toBeLessThan(50);
    journal.close();
  });

  it('survives a writer killed mid-stream: every complete line parses', async () => {
    const modulePath = fileURLToPath(new URL('./audit-journal.ts', import.meta.url));
    const script = `
      import { AuditJournal } from ${JSON.stringify(modulePath)};
      const journal = new AuditJournal(${JSON.stringify(dir)}, { debug() {}, info() {}, warn() {}, error() {} });
      let i = 0;
      for (;;) {
        journal.append({ at: new Date().toISOString(), action: 'listen', target: String(i++), source: 'cli',
          modeBefore: 'idle', modeAfter: 'listening', outcome: 'ok', retcode: null, message: 'x'.repeat(2000), durationMs: 1 });
        if (i === 20) process.stdout.write('go\\n');
      }`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => resolve());
      child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const text = fs.readFileSync(path.join(dir, JOURNAL_FILE_NAME), 'utf8');
    const complete = text.split('\n').slice(0, -1);
    expect(complete.length).toBeGreaterThanOrEqual(20);
    for (const line of complete) expect(() => JSON.parse(line) as unknown).not.toThrow();
    const journal = new AuditJournal(dir, silent);
    journal.append(entry(7, { target: 'after-crash' }));
    expect(journal.listNewest(1)[0]?.target).toBe('after-crash');
    expect(journal.readAll().length).toBe(complete.length + 1);
    journal.close();
  });
});

describe('journal export', () => {
  it('quotes commas, quotes and newlines and guards formulas', () => {
    expect(formatCsvCell('plain')).toBe('plain');
    expect(formatCsvCell('a,b')).toBe('"a,b"');
    expect(formatCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvCell('two\nlines')).toBe('"two\nlines"');
    expect(formatCsvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(formatCsvCell('+1')).toBe("'+1");
    expect(formatCsvCell('-cmd')).toBe("'-cmd");
    expect(formatCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(formatCsvCell(null)).toBe('');
    expect(formatCsvCell(42)).toBe('42');
    expect(formatCsvCell(' padded ')).toBe('" padded "');
  });

  it('writes a header and one CRLF row per entry', () => {
    const csv = formatJournalCsv([entry(1, { message: '=1+1, "boom"', retcode: '900-005' })]);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'at,action,target,source,modeBefore,modeAfter,outcome,retcode,message,durationMs',
    );
    expect(lines[1]).toBe(
      `2025-01-01T00:00:01.000Z,listen,1001,hotkey,idle,listening,ok,900-005,"'=1+1, ""boom""",12`,
    );
    expect(lines[2]).toBe('');
  });

  it('writes JSON that reads back the same', () => {
    const entries = [entry(1), entry(2)];
    expect(JSON.parse(formatJournalJson(entries))).toEqual(entries);
  });
});
