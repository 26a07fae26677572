import { describe, expect, it } from 'vitest';
import { compareNames } from './name-order.js';

describe('compareNames', () => {
  it('orders by the full name as shown, ignoring case and accents', () => {
    const names = ['Marco Alvarez', 'ana de la Cruz', 'Zoe Adams', 'Álvaro Núñez', "Dana O'Brien"];
    expect(names.sort(compareNames)).toEqual([
      'Álvaro Núñez',
      'ana de la Cruz',
      "Dana O'Brien",
      'Marco Alvarez',
      'Zoe Adams',
    ]);
    expect(compareNames('Sofía Álvarez', 'sofia alvarez')).toBe(0);
  });
});
