export { foldKey } from '../../../shared/name-order.js';
