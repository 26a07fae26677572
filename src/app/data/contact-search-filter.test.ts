import { describe, expect, it } from 'vitest';
import { contactSearchFilter } from './contact-search-filter.js';

describe('contactSearchFilter', () => {
  it('matches the text anywhere in the name or e-mail', () => {
    expect(contactSearchFilter('  Carl ')).toBe(
      "DisplayName Eq '*Carl*' Or PrimaryEmail Eq '*Carl*'",
    );
  });

  it("escapes quotes and backslashes and drops wildcards from the user's text", () => {
    expect(contactSearchFilter("O'Brien*\\")).toBe(
      "DisplayName Eq '*O\\'Brien\\\\*' Or PrimaryEmail Eq '*O\\'Brien\\\\*'",
    );
  });

  it('searches nothing for blank text', () => {
    expect(contactSearchFilter('  * ')).toBeUndefined();
  });
});
