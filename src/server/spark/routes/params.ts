import { z } from 'zod';
import { sparkIdSchema } from '../../../shared/envelope.js';
import { searchParamsSchema } from '../../../shared/search.js';

// An Id param that is not 26 digits names nothing: the emulator answers it 404 (spec §1).
export const groupParams = z.object({ groupId: sparkIdSchema });
export const groupUserParams = z.object({ groupId: sparkIdSchema, userId: sparkIdSchema });
export const contactParams = z.object({ contactId: sparkIdSchema });

/** A one-record read takes only `_select`. */
export const selectQuery = searchParamsSchema.pick({ _select: true });

export const isSparkId = (id: string) => sparkIdSchema.safeParse(id).success;
