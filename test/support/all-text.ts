import { loadText } from '../../src/lib/i18n/i18n';
import { allTextParts } from '../../src/lib/i18n/text-parts';

// The core words any part's text (the command line does, and so do these tests); in the app each
// page loads its own parts before it renders (src/views/pages.ts, checked by pages.test.ts).
await loadText(allTextParts, 'es');
