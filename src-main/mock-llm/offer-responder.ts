// The mock LLM's moves in alternating-offers games: a plain linear concession from the prompt
// markers alone (its private state, the OFFER_STATE line, a REQUIRED_ACTION when wrapped), so
// LLM runs of the price, ultimatum and resource-exchange games finish without a real model.
import {
  OFFER_STATE_MARKER,
  REQUIRED_ACTION_MARKER,
  lastMarkerValue,
  type OfferStateLine,
  type PrivateStateBlock,
} from '../agents/llm/prompt-markers';

type Holdings = Record<string, number>;
interface Reply {
  message: string;
  action: 'OFFER' | 'ACCEPT' | 'REJECT' | 'NONE';
  offer?: unknown;
  reason: string;
}

const accept = (why: string): Reply => ({ message: 'Deal.', action: 'ACCEPT', reason: why });
const none = (why: string): Reply => ({ message: 'Let me think.', action: 'NONE', reason: why });

/** One move for the offer prompt `prompt`, from the agent's private `state`. */
export function offerReply(prompt: string, state: PrivateStateBlock | undefined): Reply {
  const required = lastMarkerValue(prompt, REQUIRED_ACTION_MARKER);
  if (required) {
    const r = JSON.parse(required) as { action: Reply['action']; offer?: unknown };
    return { message: 'As decided.', ...r, reason: 'wrapped strategy' };
  }
  const line = JSON.parse(
    lastMarkerValue(prompt, OFFER_STATE_MARKER) ?? '{}',
  ) as Partial<OfferStateLine>;
  const progress = Math.min(1, (line.turn ?? 1) / Math.max(1, line.turnLimit ?? 1));
  const prefs = (state?.preferences ?? {}) as Record<string, unknown>;
  const standing = line.standing ?? null;
  const move =
    state?.game === 'price'
      ? priceMove(
          prefs as { role: string; reservation: number },
          standing as { price: number } | null,
          progress,
        )
      : state?.game === 'ultimatum'
        ? splitMove(prefs as { color: string }, standing as { red: number; blue: number } | null)
        : state?.game === 'resource-exchange'
          ? tradeMove(
              prefs as { color: string; holdings: Holdings; values: Holdings },
              standing as never,
            )
          : none('unknown game');
  if (line.respondsOnly && (move.action === 'OFFER' || move.action === 'NONE'))
    return { message: 'No.', action: 'REJECT', reason: 'last turn, not good enough' };
  return move;
}

/** Linear from 50 % beyond the reservation to the reservation; accepts its own ask or better. */
function priceMove(
  p: { role: string; reservation: number },
  standing: { price: number } | null,
  x: number,
): Reply {
  const isSeller = p.role === 'seller';
  const ask = Math.round(p.reservation * (isSeller ? 1.5 - 0.5 * x : 0.5 + 0.5 * x));
  if (standing && (isSeller ? standing.price >= ask : standing.price <= ask))
    return accept(`the standing ${standing.price} beats my ask ${ask}`);
  return {
    message: `I can do ${ask}.`,
    action: 'OFFER',
    offer: { price: ask },
    reason: 'linear concession',
  };
}

/** Keeps 60 % of the pot; accepts 40 % or more. */
function splitMove(p: { color: string }, standing: { red: number; blue: number } | null): Reply {
  const isRed = p.color === 'RED';
  if (standing) {
    const pot = standing.red + standing.blue;
    const mine = isRed ? standing.red : standing.blue;
    if (mine >= 0.4 * pot) return accept(`I keep ${mine} of ${pot}`);
  }
  const pot = standing ? standing.red + standing.blue : 100;
  const keep = Math.round(0.6 * pot);
  const offer = isRed ? { red: keep, blue: pot - keep } : { red: pot - keep, blue: keep };
  return {
    message: `I keep ${keep}, you keep ${pot - keep}.`,
    action: 'OFFER',
    offer,
    reason: '60/40',
  };
}

/** Swaps 5 of its plentiful resource for 5 of its scarce one; accepts trades that do not lose value. */
function tradeMove(
  p: { color: string; holdings: Holdings; values: Holdings },
  standing: { redGives: Holdings; blueGives: Holdings } | null,
): Reply {
  const isRed = p.color === 'RED';
  if (standing) {
    const [gives, gets] = isRed
      ? [standing.redGives, standing.blueGives]
      : [standing.blueGives, standing.redGives];
    const worth = (h: Holdings) =>
      Object.entries(h).reduce((s, [r, v]) => s + v * (p.values?.[r] ?? 1), 0);
    if (worth(gets) >= worth(gives)) return accept('the trade does not lose me value');
  }
  const names = Object.keys(p.holdings ?? {}).sort();
  if (names.length < 2) return none('nothing to trade');
  const plenty = names.reduce((a, b) => (p.holdings[a] >= p.holdings[b] ? a : b));
  const scarce = names.reduce((a, b) => (p.holdings[a] <= p.holdings[b] ? a : b));
  const mine = { [plenty]: 5 };
  const theirs = { [scarce]: 5 };
  const offer = isRed
    ? { redGives: mine, blueGives: theirs }
    : { redGives: theirs, blueGives: mine };
  return { message: 'Five for five?', action: 'OFFER', offer, reason: 'even swap' };
}
