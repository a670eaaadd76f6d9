/**
 * The simulated tenant's settings from the environment, read the same way by `npm run simulator`
 * and by `npm start` when it starts the tenant in-process:
 *
 *   SIMULATOR_LATENCY_MS  delay added to every Graph and Exchange request (default 0)
 *   SIMULATOR_FAULTS      JSON array of fault rules, e.g. [{"path":"/auditLogs/signIns","status":403}]
 */
import { faultRuleFromJson, type FaultRule } from './faults';

export interface SimulatorEnvironment {
  readonly latencyMs: number;
  readonly faults: FaultRule[];
}

export function simulatorEnvironment(env: NodeJS.ProcessEnv): SimulatorEnvironment {
  return { latencyMs: readInteger(env, 'SIMULATOR_LATENCY_MS', 0), faults: readFaults(env) };
}

export function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, not '${text}'`);
  return value;
}

function readFaults(env: NodeJS.ProcessEnv): FaultRule[] {
  const text = env['SIMULATOR_FAULTS'];
  if (text === undefined || text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('SIMULATOR_FAULTS must be a JSON array of fault rules');
  }
  if (!Array.isArray(parsed)) throw new Error('SIMULATOR_FAULTS must be a JSON array of fault rules');
  return parsed.map((rule) => faultRuleFromJson(rule));
}
