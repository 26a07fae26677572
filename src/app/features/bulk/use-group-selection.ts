import { useCallback, useState } from 'react';
import type { PortalGroup } from '../../../shared/portal-groups.js';

export interface GroupSelection {
  selected: PortalGroup[];
  isSelected: (id: string) => boolean;
  toggle: (group: PortalGroup, checked: boolean) => void;
  /** Selects or clears every group of the shown page. */
  togglePage: (groups: PortalGroup[], checked: boolean) => void;
  clear: () => void;
  /** A box was ticked since the page opened: the bulk bar stays from then on. */
  touched: boolean;
}

/** Selected groups by Id; the selection survives paging and searching. */
export function useGroupSelection(): GroupSelection {
  const [byId, setById] = useState<ReadonlyMap<string, PortalGroup>>(new Map());
  const [touched, setTouched] = useState(false);
  const toggle = useCallback((group: PortalGroup, checked: boolean) => {
    setTouched(true);
    setById((current) => {
      const next = new Map(current);
      if (checked) next.set(group.Id, group);
      else next.delete(group.Id);
      return next;
    });
  }, []);
  const togglePage = useCallback((groups: PortalGroup[], checked: boolean) => {
    setTouched(true);
    setById((current) => {
      const next = new Map(current);
      for (const group of groups) {
        if (checked) next.set(group.Id, group);
        else next.delete(group.Id);
      }
      return next;
    });
  }, []);
  const clear = useCallback(() => setById(new Map()), []);
  return {
    selected: [...byId.values()],
    isSelected: (id) => byId.has(id),
    toggle,
    togglePage,
    clear,
    touched,
  };
}
