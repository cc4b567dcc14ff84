import { z } from 'zod';

// The studio's page runs under the player's Content-Security-Policy, without eval: zod's probe for
// `new Function` would be reported as a violation (see src/app/no-eval.ts, the player's twin of this line).
z.config({ jitless: true });
