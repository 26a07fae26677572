import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../testing/fixtures.js';
import { renderWithProviders } from '../../../testing/render-app.js';
import { SignInActivity } from './sign-in-activity.js';

describe('sign-in activity chart', () => {
  it('shows every bar with its label and count as text, by the members’ state', () => {
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600 * 1000).toISOString();
    const users = [hoursAgo(2), hoursAgo(30), hoursAgo(24 * 12), hoursAgo(24 * 40), null].map(
      (LastLogin, i) => makeUser(`U${i}`, { LastLogin }),
    );
    // Signed in an hour ago, then the portal was turned off: not active this week.
    users.push(makeUser('Off', { Enabled: false, Active: false, LastLogin: hoursAgo(1) }));
    renderWithProviders(<SignInActivity users={users} />);
    const chart = screen.getByRole('region', { name: 'Sign-in activity' });
    const items = within(chart).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Active this week2 members',
      'Active this month1 member',
      'Quiet (no sign-in for over 30 days)1 member',
      'Never signed in1 member',
      'Portal off1 member',
    ]);
  });
});
