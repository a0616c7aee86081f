// Templated texts for strategy agents, so their transcripts read like a negotiation: generic
// phrasing from describeProposal and utility numbers, item names for item allocation.
import { itemNamesOf, type ItemAllocationParams } from '../../../games/item-allocation';
import { agentName } from '../../../games/types';
import { isUrgent } from '../../engine/moderator';
import type { OpponentModel } from './model';
import type { Decision } from './policies';
import { hypothesesOf } from './space';
import type { View } from './view';

/**
 * A normalised utility in the agent's own raw units (e.g. out of 100), as the texts state it;
 * negative where it is (an exact co-funding agent that would overpay says so).
 */
function points(view: View, x: number): number {
  return Math.round(x * view.space.best[view.me]) + 0;
}

/** The acceptance threshold as stated, in points; at least 1, since nothing is not a deal. */
function statedThreshold(view: View, acceptAt: number): number {
  return Math.max(1, points(view, acceptAt));
}

/**
 * Whether the agent accepts an outcome it perceives as worth `x`: decided on the stated numbers,
 * so a vote never contradicts its own text ("worth 53, I accept from 53: reject").
 */
export function isAcceptable(view: View, x: number, acceptAt: number): boolean {
  return points(view, x) >= statedThreshold(view, acceptAt);
}

/**
 * "<subject> is worth N to me" (capitalised), or "I estimate <subject> is worth N to me" for an
 * agent with noisy evaluations: its numbers are beliefs, not the utilities the game will pay.
 */
function worthText(view: View, subject: string, x: number, verb: 'is' | 'was' = 'is'): string {
  const claim = `${subject} ${verb} worth ${points(view, x)} to me`;
  return view.noise > 0 ? `I estimate ${claim}` : claim.charAt(0).toUpperCase() + claim.slice(1);
}

function offerText(view: View, index: number): string {
  return view.ctx.game.describeProposal(view.ctx.instance, view.space.outcomes[index]);
}

function itemNames(view: View): string[] | null {
  return view.ctx.instance.kind === 'item-allocation'
    ? itemNamesOf(view.ctx.instance.params as ItemAllocationParams)
    : null;
}

function listNames(names: string[]): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Items ordered by a value vector, highest first. */
function ranked(names: string[], values: readonly number[]): string[] {
  return names
    .map((name, k) => ({ name, v: values[k] ?? 0 }))
    .sort((a, b) => b.v - a.v)
    .map((e) => e.name);
}

/** What the model thinks an opponent values most (item names), or null when not item allocation. */
function guessedFavourite(view: View, m: OpponentModel): string | null {
  const names = itemNames(view);
  if (!names || m.weights.length === 0) return null;
  const { prefs } = hypothesesOf(view.ctx.game, view.ctx.instance, view.me, m.agent);
  const est = names.map((_, k) =>
    prefs.reduce<number>(
      (s, p, h) => s + m.weights[h] * ((p as { values: number[] }).values[k] ?? 0),
      0,
    ),
  );
  return ranked(names, est)[0];
}

function latestOpponentOffer(view: View): { proposer: number; index: number } | null {
  for (let i = view.offers.length - 1; i >= 0; i--) {
    const o = view.offers[i];
    if (o.proposer !== view.me && o.index >= 0) return o;
  }
  return null;
}

export function discussionText(view: View, d: Decision): string {
  const urgent = isUrgent(view.round, view.ctx.protocol)
    ? ' Time is running out, so I would like to settle soon.'
    : '';
  if (view.ctx.pass > 0) {
    const last = latestOpponentOffer(view);
    if (!last) return `I am still waiting for a concrete offer from the others.${urgent}`;
    const x = view.x[last.index];
    // The aspiration, not the acceptance threshold: that is set at the vote, after this round's
    // proposals are listed, and stated there once.
    const verdict =
      points(view, x) >= points(view, d.target)
        ? 'that is as much as I am asking for'
        : `I am holding out for ${points(view, d.target)}`;
    return `${worthText(view, `${agentName(last.proposer)}'s latest proposal`, x)}; ${verdict}.${urgent}`;
  }
  const names = itemNames(view);
  if (view.round === 1 && names) {
    const values =
      (view.ctx.instance.preferences[view.me] as { values?: number[] } | undefined)?.values ?? [];
    const order = ranked(names, values);
    // Name only items it actually values: an agent with one valued item says so.
    const valued = new Set(names.filter((_, k) => (values[k] ?? 0) > 0));
    const top = order.slice(0, 2).filter((name, i) => i === 0 || valued.has(name));
    const low = order.slice(-Math.max(1, Math.floor(names.length / 3)));
    return `Hello from ${agentName(view.me)}. I value ${listNames(top)} highly; I could give up ${listNames(low)}.${urgent}`;
  }
  const opening = view.round === 1 ? `Hello from ${agentName(view.me)}. ` : '';
  return `${opening}I would agree to ${offerText(view, d.offer)}.${urgent}`;
}

export function planText(view: View, d: Decision): string {
  const parts = [
    `Plan: hold out for >= ${points(view, d.target)}; set what I accept when I see this round's proposals.`,
  ];
  for (const m of d.models) {
    const fav = guessedFavourite(view, m);
    if (fav) parts.push(`${agentName(m.agent)} seems to value ${fav}.`);
  }
  parts.push(`Propose ${offerText(view, d.offer)}. ${worthText(view, 'it', view.x[d.offer])}.`);
  return parts.join(' ');
}

export function proposalNote(view: View, d: Decision): string {
  const urgent = isUrgent(view.round, view.ctx.protocol) ? ' Time is short.' : '';
  if (view.x[d.offer] >= 0.999) return `This is what I am asking for.${urgent}`;
  if (view.round === 1) return `This is my opening offer.${urgent}`;
  return `I have moved towards you; this is my offer for round ${view.round}.${urgent}`;
}

export function voteReason(
  view: View,
  d: Decision,
  worth: readonly number[],
  accepts: readonly boolean[],
): string {
  const verdicts = worth.map(
    (x, j) => `${worthText(view, `proposal ${j + 1}`, x)}: ${accepts[j] ? 'accept' : 'reject'}.`,
  );
  return [`I accept offers worth >= ${statedThreshold(view, d.acceptAt)}.`, ...verdicts].join(' ');
}

export function reflectionText(view: View): string {
  const last = latestOpponentOffer(view);
  const worth = last
    ? ` ${worthText(view, `${agentName(last.proposer)}'s latest offer`, view.x[last.index], 'was')}.`
    : '';
  const left = view.rounds - view.round;
  const outlook =
    left > 0
      ? ` ${left} round${left === 1 ? '' : 's'} left; I will adjust my offer.`
      : ' That was the last round.';
  return `No deal in round ${view.round}.${worth}${outlook}`;
}
