import { useEffect, useRef, useState } from 'react';
import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';

const DEBOUNCE_MS = 250;

interface GroupsSearchProps {
  /** The search in the URL. */
  value: string;
  onSearch: (q: string) => void;
}

/** Filters as you type: the URL follows the box after a short pause. */
export function GroupsSearch({ value, onSearch }: GroupsSearchProps) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, DEBOUNCE_MS);
  const written = useRef(value);

  // The URL changed from elsewhere (Back, "Clear search"): show it in the box.
  useEffect(() => {
    if (value !== written.current) {
      written.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    const q = debounced.trim();
    if (q !== written.current) {
      written.current = q;
      onSearch(q);
    }
  }, [debounced, onSearch]);

  return (
    <TextInput
      label="Search groups"
      placeholder="Owner name"
      type="search"
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      rightSection={
        text ? (
          <CloseButton
            aria-label="Clear search text"
            onClick={() => {
              setText('');
              written.current = '';
              onSearch('');
            }}
          />
        ) : null
      }
      maw={360}
    />
  );
}
