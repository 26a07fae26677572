import { startEarlyReads } from './early-reads.js';

startEarlyReads(window.location);
