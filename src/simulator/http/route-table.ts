/**
 * Matches request paths against the interface table of src/shared/gateway-paths.ts. Literal
 * segments beat placeholders (so `qualitycontrol/{id}/allagent` wins over
 * `qualitycontrol/{id}/{workNo}`); a known path with the wrong method is reported as such.
 */
import {
  INTERFACES,
  LIMITS,
  type InterfaceName,
} from '../../shared/gateway-protocol/gateway-paths';

interface CompiledRoute {
  name: InterfaceName;
  method: string;
  logName: string;
  segments: Array<{ literal: string } | { param: string }>;
  literalCount: number;
}

export type RouteMatch =
  | { kind: 'matched'; name: InterfaceName; logName: string; params: Record<string, string> }
  | { kind: 'wrong-method'; logName: string }
  | { kind: 'bad-param'; name: InterfaceName; logName: string }
  | { kind: 'not-found' };

const ROUTES: CompiledRoute[] = (Object.keys(INTERFACES) as InterfaceName[]).map((name) => {
  const spec = INTERFACES[name];
  const segments = spec.path
    .split('/')
    .map((part) => (part.startsWith('{') ? { param: part.slice(1, -1) } : { literal: part }));
  return {
    name,
    method: spec.method,
    logName: spec.logName,
    segments,
    literalCount: segments.filter((s) => 'literal' in s).length,
  };
});

const AGENT_ID_PATTERN = /^\d{1,6}$/;
const CALL_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const SKILL_ID_PATTERN = /^\d{1,9}$/;
const AUTOFLAG_PATTERN = /^[A-Za-z0-9]{1,16}$/;

/** True for a valid agent id string (digits, 101–999999). */
export function isValidAgentId(value: string): boolean {
  if (!AGENT_ID_PATTERN.test(value)) return false;
  const id = Number(value);
  return id >= LIMITS.agentIdMin && id <= LIMITS.agentIdMax;
}

function isWholeNumberIn(value: string, min: number, max: number): boolean {
  return /^\d{1,6}$/.test(value) && Number(value) >= min && Number(value) <= max;
}

function isValidParam(name: string, value: string): boolean {
  switch (name) {
    case 'agentid':
    case 'workNo':
      return isValidAgentId(value);
    case 'callId':
      return CALL_ID_PATTERN.test(value);
    case 'skillId':
      return SKILL_ID_PATTERN.test(value);
    case 'time':
      // forcerest: rest seconds 1–86,399 (cec_07_2411).
      return isWholeNumberIn(value, LIMITS.restSecondsMin, LIMITS.restSecondsMax);
    case 'reason':
      return isWholeNumberIn(value, LIMITS.restReasonMin, LIMITS.restReasonMax);
    case 'skillType':
      // Only the public queue (0) is supported (§8).
      return value === '0';
    case 'autoflag':
      // cec_07_1209: a boolean; "values other than true are processed as false".
      return AUTOFLAG_PATTERN.test(value);
    default:
      return false;
  }
}

function decodeSegments(relativePath: string): string[] | null {
  const trimmed = relativePath.endsWith('/') ? relativePath.slice(0, -1) : relativePath;
  try {
    return trimmed.split('/').map((part) => decodeURIComponent(part));
  } catch {
    return null;
  }
}

function matchSegments(route: CompiledRoute, parts: string[]): Record<string, string> | null {
  if (route.segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i += 1) {
    const segment = route.segments[i] as CompiledRoute['segments'][number];
    const part = parts[i] as string;
    if ('literal' in segment) {
      if (segment.literal !== part) return null;
    } else {
      if (part === '') return null;
      params[segment.param] = part;
    }
  }
  return params;
}

/** Find the interface for a method and a path relative to the gateway base. */
export function matchRoute(method: string, relativePath: string): RouteMatch {
  const parts = decodeSegments(relativePath);
  if (!parts) return { kind: 'not-found' };
  const candidates = ROUTES.map((route) => ({ route, params: matchSegments(route, parts) }))
    .filter((c): c is { route: CompiledRoute; params: Record<string, string> } => c.params !== null)
    .sort((a, b) => b.route.literalCount - a.route.literalCount);
  const first = candidates[0];
  if (!first) return { kind: 'not-found' };
  const sameMethod = candidates.find((c) => c.route.method === method);
  if (!sameMethod) return { kind: 'wrong-method', logName: first.route.logName };
  const { route, params } = sameMethod;
  for (const [name, value] of Object.entries(params)) {
    if (!isValidParam(name, value))
      return { kind: 'bad-param', name: route.name, logName: route.logName };
  }
  return { kind: 'matched', name: route.name, logName: route.logName, params };
}
