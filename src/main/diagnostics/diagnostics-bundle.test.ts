/** The bundle: the files it holds, redacted again, the journal tail with numbers masked. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../shared/domain';
import { createDefaultSettings } from '../../shared/settings-defaults';
import { mergePolicySources } from '../policy/policy-merge';
import { buildDiagnosticsBundle, journalTail } from './diagnostics-bundle';

const GUID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b.AgentGateway1';
const entry = (patch: Partial<JournalEntry>): JournalEntry => ({
  at: '2026-01-02T03:04:05.000Z',
  action: 'request-call',
  target: '1455613423-3564@2',
  source: 'window',
  modeBefore: 'idle',
  modeAfter: 'talking',
  outcome: 'ok',
  retcode: null,
  message: 'caller +86 138 0013 8000 taken',
  durationMs: 120,
  ...patch,
});

describe('buildDiagnosticsBundle', () => {
  const inputs = {
    createdAt: new Date('2026-01-02T03:04:05Z'),
    producer: 'app' as const,
    versions: { app: '0.1.0', electron: '45.4.1' },
    settings: createDefaultSettings('linux'),
    policy: mergePolicySources([{ source: 'p.json', document: { Language: 'xx' } }]),
    logFiles: [
      { name: 'main.log', text: `sign-in password=Hunter-2-Secret guid ${GUID}\nplain line\n` },
      { name: '../evil name.log', text: 'Typed: Hunter-2-Secret' },
    ],
    doctor: { steps: [{ id: 'tls', status: 'ok' }] },
    journal: [entry({}), entry({ action: 'listen', target: '1002', message: null })],
    includeCallParties: false,
    knownSecrets: ['Hunter-2-Secret'],
  };

  it('holds every part, each redacted again, with safe file names', () => {
    const bundle = buildDiagnosticsBundle(inputs);
    const files = unzipSync(bundle.bytes);
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.txt',
        'doctor.json',
        'journal-tail.json',
        'logs/.._evil_name.log',
        'logs/main.log',
        'policy.json',
        'settings.json',
        'state.json',
        'versions.json',
      ].sort(),
    );
    const all = Object.values(files)
      .map((bytes) => strFromU8(bytes))
      .join('\n');
    expect(all).not.toContain('Hunter-2-Secret');
    expect(all).not.toContain(GUID.slice(0, 36));
    expect(strFromU8(files['logs/main.log']!)).toContain('plain line');
    expect(JSON.parse(strFromU8(files['policy.json']!)).problems[0].key).toBe('Language');
    expect(JSON.parse(strFromU8(files['versions.json']!))).toEqual(inputs.versions);
  });

  it("masks call parties' numbers in the journal tail unless asked, keeping agent ids", () => {
    const masked = journalTail(inputs.journal, false);
    expect(masked[0]?.message).toBe('caller [number] taken');
    expect(masked[0]?.target).toBe('[number]@2');
    expect(masked[1]?.target).toBe('1002');
    expect(journalTail(inputs.journal, true)[0]?.message).toContain('+86 138 0013 8000');
    const files = unzipSync(buildDiagnosticsBundle(inputs).bytes);
    expect(strFromU8(files['journal-tail.json']!)).not.toContain('138 0013');
    const withNumbers = unzipSync(
      buildDiagnosticsBundle({ ...inputs, includeCallParties: true }).bytes,
    );
    expect(strFromU8(withNumbers['journal-tail.json']!)).toContain('138 0013');
  });

  it('keeps only the newest 200 journal entries', () => {
    const many = Array.from({ length: 250 }, (_, index) => entry({ durationMs: index }));
    const tail = journalTail(many, true);
    expect(tail).toHaveLength(200);
    expect(tail[0]?.durationMs).toBe(50);
  });
});
