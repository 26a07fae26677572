import { z } from 'zod';
import { sparkBodySchema, sparkTimestampSchema } from './envelope.js';

/** Our choices where Spark is silent (spec §8). */
export const MAX_SEARCH_NAME_LENGTH = 100;
export const MAX_SEARCH_DESCRIPTION_LENGTH = 1000;
export const MAX_SEARCHES_PER_REQUEST = 25;
export const MAX_SEARCHES_PER_OWNER = 100;

/** A saved search as the emulator sends it. */
export const savedSearchSchema = z.object({
  ResourceUri: z.string(),
  Id: z.string(),
  OwnerId: z.string(),
  Name: z.string(),
  Description: z.string(),
  /** SparkQL over the listing fields; null: no conditions (every listing). */
  Filter: z.string().nullable(),
  /** The contacts the search is for: the owning portal account's contact, none for an agent's own. */
  ContactIds: z.array(z.string()),
  Tags: z.array(z.string()),
  /** An agent made it for the contact (the official Ruby client needs it to run a search). */
  Provided: z.boolean(),
  ModificationTimestamp: sparkTimestampSchema,
});
export type SavedSearchRecord = z.infer<typeof savedSearchSchema>;

export const savedSearchSelectedSchema = savedSearchSchema
  .partial()
  .required({ Id: true, ResourceUri: true });

/**
 * A saved search as any Spark sends it: recorded answers may hold only ResourceUri, Id and Name
 * (saved_searches/get.json), and more fields (QuickSearchId, NewsFeeds...) the app drops.
 */
export const savedSearchReadSchema = savedSearchSchema.extend({
  OwnerId: z.string().optional(),
  Description: z.string().nullish(),
  Filter: z.string().nullish(),
  ContactIds: z.array(z.string()).default([]),
  Tags: z.array(z.string()).default([]),
  Provided: z.boolean().default(false),
  ModificationTimestamp: sparkTimestampSchema.optional(),
});
export type SavedSearch = z.infer<typeof savedSearchReadSchema>;

const nameSchema = z.string().trim().min(1).max(MAX_SEARCH_NAME_LENGTH);
const descriptionSchema = z.string().max(MAX_SEARCH_DESCRIPTION_LENGTH);
const filterSchema = z.string().max(4000).nullable();

export const newSavedSearchSchema = z.object({
  Name: nameSchema,
  Description: descriptionSchema.optional(),
  Filter: filterSchema.optional(),
  /** On a name already taken, the server makes it unique (`Name (2)`); otherwise names may repeat. */
  AutoName: z.boolean().optional(),
});
export type NewSavedSearch = z.input<typeof newSavedSearchSchema>;

/** Spark's documented flat body: `{"D":{Name, Description?, Filter?}}`. */
export const createSavedSearchBodySchema = sparkBodySchema(newSavedSearchSchema);
/** The official Ruby client's: `{"D":{"SavedSearches":[{...}]}}`, all or nothing. */
export const createSavedSearchesBodySchema = sparkBodySchema(
  z.object({
    SavedSearches: z.array(newSavedSearchSchema).min(1).max(MAX_SEARCHES_PER_REQUEST),
  }),
);

/** A create's answer: each new search's ResourceUri, Id and Name (saved_searches/post.json). */
export const createdSavedSearchSchema = z.object({
  ResourceUri: z.string(),
  Id: z.string(),
  Name: z.string(),
});

/** PUT: the attributes that change (read-only ones sent back are ignored). */
export const updateSavedSearchBodySchema = sparkBodySchema(
  z.object({
    Name: nameSchema.optional(),
    Description: descriptionSchema.optional(),
    Filter: filterSchema.optional(),
  }),
);
