/**
 * The doctor's steps in order, each a small function over what earlier steps found. A step
 * after a failure is skipped, except sign-out, which always follows a successful sign-in.
 */
import { isIP } from 'node:net';
import { tr } from '../cli-i18n';
import type { InspectorSession } from '../cli-context';
import type { CliLanguage } from '../cli-language';
import type { ExitCode } from '../cli-error';
import type { ConnectionSettings } from '../connection-settings';
import { describeFailure } from '../output';
import { skippedStep, stepTitle, type DoctorStep, type StepId } from './doctor-step';
import { connectToPort, inspectTls, resolveHost, type TlsFacts } from './network-probes';
import { judgeTls } from './tls-verdict';

export interface Outcome {
  status: DoctorStep['status'];
  details: string[];
  fix?: string | null;
  facts?: Record<string, unknown>;
  /** Exit code when this step fails; the network steps (DNS, TCP, TLS) leave it at 3. */
  exitCode?: ExitCode;
}

export type TimedStep = DoctorStep & { exitCode?: ExitCode };

/**
 * What the doctor needs of its caller: the CLI's CommandContext, or the desktop app's
 * diagnostics, which has no `signIn` (its own session stands for the sign-in steps).
 */
export interface DoctorContext {
  settings(): ConnectionSettings;
  signIn?: () => Promise<InspectorSession>;
  output: { language: CliLanguage };
}

/** What the steps share: the target, and what earlier steps found. */
interface DoctorRun {
  context: DoctorContext;
  settings: ConnectionSettings;
  hostname: string;
  port: number;
  secure: boolean;
  timeoutMs: number;
  address: string;
  session: InspectorSession | null;
}

interface StepPlan {
  id: StepId;
  run(state: DoctorRun): Promise<Outcome>;
  onError(error: unknown, state: DoctorRun): Outcome;
  /** Runs even after a failure (sign-out after a successful sign-in). */
  runsAfterFailure?: (state: DoctorRun) => boolean;
  /** Replaces the step when it does not apply (TLS over plain HTTP). */
  notApplicable?: (state: DoctorRun) => TimedStep | null;
}

const PLAN: readonly StepPlan[] = [
  {
    id: 'resolve',
    async run(state) {
      const addresses = isIP(state.hostname)
        ? [state.hostname]
        : await withTimeout(resolveHost(state.hostname), state.timeoutMs, tr('doctor.noDnsAnswer'));
      state.address = addresses[0] ?? state.hostname;
      return {
        status: 'ok',
        details: [`${state.hostname} → ${addresses.join(', ')}`],
        facts: { addresses },
      };
    },
    onError: (error, state) => ({
      status: 'failed',
      details: [
        tr('doctor.doesNotResolve', { host: state.hostname, reason: describeError(error) }),
      ],
      fix: tr('doctor.fix.resolve'),
    }),
  },
  {
    id: 'connect',
    async run(state) {
      await connectToPort(state.address, state.port, state.timeoutMs);
      return {
        status: 'ok',
        details: [tr('doctor.accepts', { address: state.address, port: state.port })],
        facts: { address: state.address, port: state.port },
      };
    },
    onError: (error, state) => ({
      status: 'failed',
      details: [
        tr('doctor.portFailed', {
          address: state.address,
          port: state.port,
          reason: describeError(error),
        }),
      ],
      fix: suggestTcpFix(error, state.port),
    }),
  },
  {
    id: 'tls',
    notApplicable: (state) =>
      state.secure
        ? null
        : {
            ...skippedStep('tls', tr('doctor.plainHttp')),
            status: 'warning',
            fix: tr('doctor.fix.plainHttp'),
          },
    async run({ address, port, hostname, settings, timeoutMs }) {
      const facts = await inspectTls({ address, port, hostname, caPem: settings.caPem, timeoutMs });
      const verdict = judgeTls(
        facts,
        { pinSha256: settings.pinSha256, caConfigured: settings.caPem !== null, hostname },
        Date.now(),
      );
      const pinMatches =
        settings.pinSha256 === null ? null : settings.pinSha256 === facts.fingerprintSha256;
      return {
        status: verdict.status,
        details: verdict.details,
        fix: verdict.fix,
        facts: {
          // The chain's PEM text stays out of the report; its fingerprint and names are in.
          ...withoutChain(facts),
          validFrom: facts.validFrom.toISOString(),
          validTo: facts.validTo.toISOString(),
          daysLeft: verdict.daysLeft,
          pinMatches,
        },
      };
    },
    onError: (error) => ({
      status: 'failed',
      details: [tr('doctor.noHandshake', { reason: describeError(error) })],
      fix: tr('doctor.fix.handshake'),
    }),
  },
  {
    id: 'sign-in',
    notApplicable: (state) =>
      state.context.signIn ? null : skippedStep('sign-in', tr('doctor.appSession')),
    async run(state) {
      state.session = await requireSignIn(state)();
      const { workNo, serverName } = state.session.signedIn;
      return {
        status: 'ok',
        details: [
          serverName
            ? tr('doctor.signedInOn', { workNo, server: serverName })
            : tr('doctor.signedIn', { workNo }),
        ],
        facts: { workNo, serverName },
      };
    },
    onError: describeGatewayFailure,
  },
  {
    id: 'poll',
    notApplicable: (state) =>
      state.context.signIn ? null : skippedStep('poll', tr('doctor.appSession')),
    async run(state) {
      const event = await requireSession(state).client.pollEvent();
      const detail = event
        ? tr('doctor.received', { eventType: event.eventType })
        : tr('doctor.noEvent');
      return { status: 'ok', details: [detail], facts: { eventType: event?.eventType ?? null } };
    },
    onError: describeGatewayFailure,
  },
  {
    id: 'sign-out',
    notApplicable: (state) =>
      state.context.signIn ? null : skippedStep('sign-out', tr('doctor.appSession')),
    runsAfterFailure: (state) => state.session !== null,
    async run(state) {
      await requireSession(state).client.signOut();
      return { status: 'ok', details: [tr('doctor.signedOut')] };
    },
    onError: describeGatewayFailure,
  },
];

/** Runs every step in order and returns the checklist. */
export async function runDoctorPlan(
  context: DoctorContext,
  target: { hostname: string; port: number; secure: boolean },
  timeoutMs: number,
): Promise<TimedStep[]> {
  const state: DoctorRun = {
    context,
    settings: context.settings(),
    ...target,
    timeoutMs,
    address: target.hostname,
    session: null,
  };
  const steps: TimedStep[] = [];
  for (const plan of PLAN) {
    const replaced = plan.notApplicable?.(state) ?? null;
    const failedBefore = steps.some((step) => step.status === 'failed');
    if (replaced) steps.push(replaced);
    else if (failedBefore && !(plan.runsAfterFailure?.(state) ?? false))
      steps.push(skippedStep(plan.id));
    else steps.push(await timeStep(plan, state));
  }
  return steps;
}

async function timeStep(plan: StepPlan, state: DoctorRun): Promise<TimedStep> {
  const started = performance.now();
  let outcome: Outcome;
  try {
    outcome = await plan.run(state);
  } catch (error) {
    outcome = plan.onError(error, state);
  }
  return {
    id: plan.id,
    title: stepTitle(plan.id),
    durationMs: performance.now() - started,
    fix: null,
    facts: {},
    ...outcome,
  };
}

function requireSignIn(state: DoctorRun): () => Promise<InspectorSession> {
  const { context } = state;
  if (!context.signIn) throw new Error('no sign-in here');
  return () => context.signIn!();
}

function requireSession(state: DoctorRun): InspectorSession {
  if (state.session === null) throw new Error('not signed in');
  return state.session;
}

function describeGatewayFailure(error: unknown, state: DoctorRun): Outcome {
  const { view, exitCode } = describeFailure(error, state.context.output.language);
  return {
    status: 'failed',
    details: [`${view.retcode ? `[${view.retcode}] ` : ''}${view.message}`],
    fix: view.hint,
    facts: { error: view },
    exitCode,
  };
}

function suggestTcpFix(error: unknown, port: number): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED') return tr('doctor.fix.refused', { port });
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return tr('doctor.fix.unreachable');
  return tr('doctor.fix.firewall');
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && !text.includes(code) ? `${text} (${code})` : text;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(tr('doctor.within', { what, ms }))), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** The facts a report shows: everything but the chain's PEM text. */
function withoutChain(facts: TlsFacts): Omit<TlsFacts, 'chainPem'> {
  const { chainPem: _chain, ...shown } = facts;
  return shown;
}
