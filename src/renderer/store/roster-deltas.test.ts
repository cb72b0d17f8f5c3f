// @vitest-environment node
import type { AgentRow } from '../../shared/domain';
import { makeAgent } from '../../../test/support/renderer/fixtures';
import { applyRosterDelta } from './roster-deltas';

function mapOf(...rows: AgentRow[]): Map<string, AgentRow> {
  return new Map(rows.map((row) => [row.workNo, row]));
}

describe('applyRosterDelta', () => {
  it('upserts rows in place and reports new members', () => {
    const rows = mapOf(makeAgent('1001'));
    const changed = makeAgent('1001', { state: 'talking' });
    const outcome = applyRosterDelta(rows, 4, {
      version: 5,
      reset: false,
      upserts: [changed, makeAgent('1002')],
      removed: [],
    });
    expect(outcome).toEqual({ kind: 'applied', version: 5, membership: true });
    expect(rows.get('1001')?.state).toBe('talking');
    expect(rows.has('1002')).toBe(true);
  });

  it('reports no membership change when only existing rows change', () => {
    const rows = mapOf(makeAgent('1001'));
    const outcome = applyRosterDelta(rows, 1, {
      version: 2,
      reset: false,
      upserts: [makeAgent('1001', { state: 'busy' })],
      removed: [],
    });
    expect(outcome).toEqual({ kind: 'applied', version: 2, membership: false });
  });

  it('removes rows', () => {
    const rows = mapOf(makeAgent('1001'), makeAgent('1002'));
    const outcome = applyRosterDelta(rows, 7, {
      version: 8,
      reset: false,
      upserts: [],
      removed: ['1002', '9999'],
    });
    expect(outcome).toEqual({ kind: 'applied', version: 8, membership: true });
    expect([...rows.keys()]).toEqual(['1001']);
  });

  it('replaces everything on reset, whatever the version', () => {
    const rows = mapOf(makeAgent('1001'), makeAgent('1002'));
    const outcome = applyRosterDelta(rows, 50, {
      version: 1,
      reset: true,
      upserts: [makeAgent('2001')],
      removed: [],
    });
    expect(outcome).toEqual({ kind: 'applied', version: 1, membership: true });
    expect([...rows.keys()]).toEqual(['2001']);
  });

  it('ignores a delta it has already seen', () => {
    const rows = mapOf(makeAgent('1001'));
    const outcome = applyRosterDelta(rows, 5, {
      version: 5,
      reset: false,
      upserts: [makeAgent('1001', { state: 'rest' })],
      removed: [],
    });
    expect(outcome).toEqual({ kind: 'stale' });
    expect(rows.get('1001')?.state).toBe('idle');
  });

  it('reports a gap and changes nothing when a delta is missing', () => {
    const rows = mapOf(makeAgent('1001'));
    const outcome = applyRosterDelta(rows, 5, {
      version: 7,
      reset: false,
      upserts: [makeAgent('1001', { state: 'rest' })],
      removed: [],
    });
    expect(outcome).toEqual({ kind: 'gap', expected: 6, received: 7 });
    expect(rows.get('1001')?.state).toBe('idle');
  });
});
