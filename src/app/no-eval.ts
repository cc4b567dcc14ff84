import { z } from 'zod';

// The player runs under a Content-Security-Policy without eval (content-security-policy.ts). zod
// builds its fast object parsers with `new Function` where it may, and its probe for that, made as
// the story's schemas are defined, is reported as a violation even though zod copes: it parses
// without. Imported before anything that defines a schema.
z.config({ jitless: true });
