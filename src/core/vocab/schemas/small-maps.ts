// Small JSON maps: franchise preferences and MyMiniFactory user names.
import { z } from 'zod';
import { aliasList, intendedUse } from './common';

export const franchisePreferencesFile = z.looseObject({
  version: z.number().optional(),
  franchises: z.record(
    z.string(),
    z.looseObject({ aliases: aliasList.optional(), default_intended_use_bucket: intendedUse.optional() }),
  ),
});

export const mmfUsernamesFile = z.record(z.string(), z.string()).describe('designer key → MyMiniFactory user name');

export type FranchisePreferencesFile = z.infer<typeof franchisePreferencesFile>;
export type MmfUsernamesFile = z.infer<typeof mmfUsernamesFile>;
