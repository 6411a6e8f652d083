// Inputs of the staff endpoints that are not in the API contract as they are: the registration
// body of shared/src/api/staff-requests.ts applied strictly (the filing schema it extends is a
// plain z.object, shared with the app's form).
import { registerOfflineBodySchema } from '@zwgk/shared';
import { deepStrict } from '../../lib/strict-schema';

export { idParams } from '../requests/schema';

export const registerBody = deepStrict(registerOfflineBodySchema);
