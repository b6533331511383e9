// Which planned request goes out next, decided only from the plan and the answers so far, so a
// half-finished command is plain data (plan + responses) that a checkpoint can hold.

import type { CommandPlan, ConsoleResponse, PlannedRequest } from './types';

export interface SentRequest {
  /** Index in plan.requests. */
  index: number;
  request: PlannedRequest;
  response: ConsoleResponse;
}

type Walk = { sent: SentRequest[]; next: { index: number; request: PlannedRequest } | null };

function walk(plan: CommandPlan, responses: readonly ConsoleResponse[]): Walk {
  const sent: SentRequest[] = [];
  let r = 0;
  for (let index = 0; index < plan.requests.length; index++) {
    const request = plan.requests[index]!;
    if (!gateOpen(request, sent)) continue;
    if (r >= responses.length) return { sent, next: { index, request } };
    sent.push({ index, request, response: responses[r]! });
    r++;
  }
  return { sent, next: null };
}

function gateOpen(request: PlannedRequest, sent: readonly SentRequest[]): boolean {
  const gate = request.gate;
  if (!gate) return true;
  switch (gate.kind) {
    case 'allGood':
      return sent.every((s) => s.response.status === 'GOOD');
    case 'lastFailed': {
      const last = sent[sent.length - 1];
      return last !== undefined && last.response.status !== 'GOOD';
    }
    case 'lastUnitAttention': {
      const last = sent[sent.length - 1];
      return last !== undefined && last.response.status === 'CHECK_CONDITION' && last.response.sense?.key === 0x6;
    }
    case 'rollback': {
      const conflict = gate.group.some((chain) => chainOutcome(chain, sent) === 'RESERVATION_CONFLICT');
      return chainOutcome(gate.of, sent) === 'GOOD' && conflict;
    }
  }
}

/** The status of the last request of `chain` that was sent (a request and its retries). */
export function chainOutcome(chain: readonly number[], sent: readonly SentRequest[]): ConsoleResponse['status'] | null {
  let outcome: ConsoleResponse['status'] | null = null;
  for (const s of sent) if (chain.includes(s.index)) outcome = s.response.status;
  return outcome;
}

/** The request to send after these responses, or null when the command is finished. */
export function nextRequest(plan: CommandPlan, responses: readonly ConsoleResponse[]): PlannedRequest | null {
  return walk(plan, responses).next?.request ?? null;
}

/** The requests that were sent, each with its answer, in order. */
export function sentRequests(plan: CommandPlan, responses: readonly ConsoleResponse[]): SentRequest[] {
  return walk(plan, responses).sent;
}
