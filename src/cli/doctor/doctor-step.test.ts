import { formatChecklist, skippedStep, type DoctorStep } from './doctor-step';

describe('formatChecklist', () => {
  it('prints one line per step with symbol, time, more details and the fix', () => {
    const steps: DoctorStep[] = [
      {
        id: 'resolve',
        title: 'Name resolution',
        status: 'ok',
        durationMs: 3.2,
        details: ['gw → 10.0.0.5'],
        fix: null,
        facts: {},
      },
      {
        id: 'tls',
        title: 'TLS certificate',
        status: 'failed',
        durationMs: 15,
        details: ['not trusted: self signed', 'SHA-256 AB'],
        fix: 'Use --ca FILE.',
        facts: {},
      },
      skippedStep('sign-in'),
    ];
    expect(formatChecklist('doctor', steps)).toEqual([
      'doctor',
      '✔ Name resolution  gw → 10.0.0.5  (3 ms)',
      '✘ TLS certificate  not trusted: self signed  (15 ms)',
      '                   SHA-256 AB',
      '                   fix: Use --ca FILE.',
      '– Sign-in          skipped: an earlier step failed',
    ]);
  });
});
