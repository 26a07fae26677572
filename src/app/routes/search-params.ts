import { createParser } from 'nuqs';

/** `?name=1` when on; left out of the address when off. */
export const parseAsFlag = createParser<boolean>({
  parse: (value) => (value === '1' ? true : null),
  serialize: () => '1',
}).withDefault(false);

/** A page number (`?page=2`); anything but a whole number from 1 is the first page. */
export const parseAsPageNumber = createParser({
  parse: (value) => {
    const page = Number(value);
    return Number.isInteger(page) && page > 0 ? page : null;
  },
  serialize: String,
}).withDefault(1);

/** Text without the spaces around it (`?q=`). */
export const parseAsTrimmed = createParser({
  parse: (value) => value.trim(),
  serialize: (value: string) => value,
}).withDefault('');
