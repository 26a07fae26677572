import { useEffect, useRef, useState } from 'react';
import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useBlocker, useLocation } from 'react-router-dom';

const DEBOUNCE_MS = 250;

interface GroupsSearchProps {
  /** The search in the URL. */
  value: string;
  onSearch: (q: string) => void;
  placeholder?: string;
}

/**
 * Calls `onLeave` as a navigation to another page starts: the router asks its blocker then, with
 * where it goes (this one never blocks). `useNavigation()` cannot tell: while the next page's code
 * loads, React keeps this page on screen with the router state of before (react-router#14695).
 * Rendered only while a search waits, as a router consults one blocker at a time.
 */
function OnLeavePage({ onLeave }: { onLeave: () => void }) {
  const { pathname } = useLocation();
  useBlocker(({ nextLocation }) => {
    if (nextLocation.pathname !== pathname) onLeave();
    return false;
  });
  return null;
}

/**
 * Filters as you type: the URL follows the box after a short pause. A search still waiting when
 * the user opens another page is dropped: it would land in that page's address.
 */
export function GroupsSearch({
  value,
  onSearch,
  placeholder = 'Owner or member name',
}: GroupsSearchProps) {
  const [text, setText] = useState(value);
  const [debounced, cancelSearch] = useDebouncedValue(text, DEBOUNCE_MS);
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
    <>
      {text !== debounced && <OnLeavePage onLeave={cancelSearch} />}
      <TextInput
        label="Search groups"
        placeholder={placeholder}
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
    </>
  );
}
