import { useLocation } from 'react-router-dom';

/** Shows the router's current path and query string, for asserting navigation. */
export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}
