// Following a running game: new turns scroll into view while the reader is at the bottom; once
// the reader scrolls up, they are counted instead, for a "jump to newest" button.
import { useCallback, useEffect, useRef, useState } from 'react';

/** Within this many pixels of the end counts as at the bottom. */
const BOTTOM_SLACK = 48;

export interface LiveFollow {
  /** Turns that arrived while the reader was scrolled up. */
  unseen: number;
  onScroll: () => void;
  jumpToNewest: () => void;
}

export function useLiveFollow(
  scrollRef: React.RefObject<HTMLDivElement | null>,
  isLive: boolean,
  turnCount: number,
  scrollToEnd: () => void,
): LiveFollow {
  const atBottom = useRef(true);
  const seen = useRef(turnCount);
  const [unseen, setUnseen] = useState(0);

  // A running game opens at its newest turn.
  useEffect(() => {
    if (isLive) scrollToEnd();
    // Only when the game opens or starts running.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isLive]);

  useEffect(() => {
    const added = turnCount - seen.current;
    seen.current = turnCount;
    if (added <= 0 || !isLive) return;
    if (atBottom.current) scrollToEnd();
    else setUnseen((n) => n + added);
  }, [turnCount, isLive, scrollToEnd]);

  // Scrolling up leaves the bottom; reaching it again resumes following. Content that grows
  // below (a turn measured taller) fires no scroll event, so it does not stop the following.
  const lastTop = useRef(0);
  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const isNearEnd = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK;
    if (isNearEnd) {
      atBottom.current = true;
      setUnseen(0);
    } else if (el.scrollTop < lastTop.current - 4) atBottom.current = false;
    lastTop.current = el.scrollTop;
  }, [scrollRef]);

  const jumpToNewest = useCallback(() => {
    atBottom.current = true;
    setUnseen(0);
    scrollToEnd();
  }, [scrollToEnd]);

  return { unseen, onScroll, jumpToNewest };
}
