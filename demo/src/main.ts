// Entry of the importer page (the demo static Space). page-setup comes first: it installs the
// fetch guard before any other module evaluates. The elements of steps 3 and 4 are not imported
// here: the app fetches their chunk once the first screen is on (see elements/load-elements.ts).
import { connectionPolicy, pageConfig } from './page-setup.js';
import { ImporterAppElement } from './app/importer-app-element.js';

ImporterAppElement.define();
const app = new ImporterAppElement();
app.config = pageConfig;
app.connectionPolicy = connectionPolicy;
app.framed = window.top !== window.self;
const root = document.getElementById('app');
root?.replaceChildren(app);
root?.removeAttribute('aria-busy');
