/**
 * `doctor`: checks the way to the gateway layer by layer — name resolution, TCP, TLS (trust,
 * expiry, host name, pin, with the actual fingerprint), sign-in, one event poll, sign-out —
 * and prints a checklist with the time of each step and, for each failure, the likely fix.
 */
import type { Command } from 'commander';
import { tr } from '../cli-i18n';
import { normaliseBaseUrl } from '../../main/gateway/requests/gateway-validators';
import type { CommandContext } from '../cli-context';
import { EXIT_CODE, type ExitCode } from '../cli-error';
import { runDoctorPlan, type TimedStep } from '../doctor/doctor-plan';
import { formatChecklist } from '../doctor/doctor-step';
import { addConnectionOptions, type CommandHost } from './command-host';

const DEFAULT_TIMEOUT_SECONDS = 10;

/** Registers doctor. */
export function registerDoctorCommand(program: Command, host: CommandHost): void {
  addConnectionOptions(
    program
      .command('doctor')
      .description('check name resolution, TCP, TLS, sign-in, events and sign-out, with fixes'),
  )
    .option(
      '--timeout <seconds>',
      'time limit of the DNS, TCP and TLS steps',
      String(DEFAULT_TIMEOUT_SECONDS),
    )
    .action((options: { timeout: string }, command: Command) =>
      host.run(command, (context) => runDoctor(context, readTimeoutMs(options.timeout))),
    );
}

function readTimeoutMs(value: string): number {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0
    ? Math.min(seconds, 120) * 1000
    : DEFAULT_TIMEOUT_SECONDS * 1000;
}

async function runDoctor(context: CommandContext, timeoutMs: number): Promise<ExitCode> {
  const settings = context.settings();
  const url = new URL(normaliseBaseUrl(settings.gatewayUrl));
  const secure = url.protocol === 'https:';
  const target = {
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || (secure ? 443 : 80)),
    secure,
  };
  const steps = await runDoctorPlan(context, target, timeoutMs);
  return report(context, settings.gatewayUrl, settings.agentId, steps);
}

/** Prints the checklist (or its JSON); the exit code is the first failure's (0 when none). */
function report(
  context: CommandContext,
  gatewayUrl: string,
  agentId: string,
  steps: TimedStep[],
): ExitCode {
  const { output } = context;
  const firstFailure = steps.find((step) => step.status === 'failed');
  const publicSteps = steps.map(({ exitCode: _exitCode, ...step }) => ({
    ...step,
    durationMs: step.durationMs === null ? null : Math.round(step.durationMs),
  }));
  if (output.json) {
    output.printJson({
      ok: firstFailure === undefined,
      command: 'doctor',
      target: gatewayUrl,
      agentId,
      steps: publicSteps,
    });
  } else {
    const verdict = firstFailure
      ? `✘ ${tr('doctor.stepFailed', { title: firstFailure.title })}`
      : `✔ ${tr('doctor.allPassed')}`;
    output.printLines([
      ...formatChecklist(
        tr('doctor.heading', { gateway: gatewayUrl, agent: agentId }),
        publicSteps,
      ),
      verdict,
    ]);
  }
  return firstFailure === undefined ? EXIT_CODE.ok : (firstFailure.exitCode ?? EXIT_CODE.network);
}
