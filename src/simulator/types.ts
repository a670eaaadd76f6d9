/** The simulator's public contract; `index.ts` re-exports it. */
import type { FaultRule } from './faults';
import type { SimulatedTenant } from './state';

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** The tenant's clock: seeded times, password changes, log entries. */
  now?: () => Date;
  /** Default `seedTenant(now())`. */
  tenant?: SimulatedTenant;
  /** Added to every Graph and Exchange request (not to control endpoints). */
  latencyMs?: number;
  faults?: FaultRule[];
}

/**
 * One HTTP request as the simulator saw it. Bodies are never kept: a password travels in one.
 */
export interface RecordedRequest {
  method: string;
  /** Decoded, without the query, e.g. `/v1.0/$batch`. */
  path: string;
  /** Decoded, without `?`. */
  query: string;
  status: number;
  api: 'graph' | 'exchange' | 'control';
  batchItems?: { id: string; method: string; url: string; status: number }[];
  cmdlet?: string;
  /** ISO 8601, by the tenant's clock. */
  at: string;
}

export interface RunningSimulator {
  /** e.g. `http://127.0.0.1:53000`; Graph is under `/v1.0` and `/beta`, Exchange under `/adminapi`. */
  url: string;
  tenantId: string;
  /** Live: writes through the API show here, and changes here show in the API. */
  tenant: SimulatedTenant;
  /** Live log, oldest first. */
  requests: RecordedRequest[];
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  resetLog(): void;
  stop(): Promise<void>;
}
