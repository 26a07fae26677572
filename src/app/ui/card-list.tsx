import type { ReactNode } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import classes from './card-list.module.css';

/** Below 600 px wide, lists are stacked cards instead of tables. */
export const PHONE_QUERY = '(max-width: 37.5em)';

export function usePhone(): boolean {
  // Known at the first render (no server rendering here): a phone's first render is its cards,
  // not a table drawn and then replaced once an effect has run.
  return useMediaQuery(PHONE_QUERY, undefined, { getInitialValueInEffect: false });
}

interface CardListProps {
  /** The list's accessible name, e.g. "Members". */
  label?: string;
  labelledBy?: string;
  busy?: boolean;
  children: ReactNode;
}

/** A list of stacked cards, one card an item: the phone form of a table. */
export function CardList({ label, labelledBy, busy, children }: CardListProps) {
  return (
    <ul className={classes.list} aria-label={label} aria-labelledby={labelledBy} aria-busy={busy}>
      {children}
    </ul>
  );
}

export function CardListItem({ children }: { children: ReactNode }) {
  return <li className={classes.item}>{children}</li>;
}

/** The parts of a card, for lists that draw many: plain elements with the look of Mantine's. */
export const cardClasses = classes;
