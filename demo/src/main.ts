// Entry of the importer page (the demo static Space). page-setup comes first: it installs the
// fetch guard before the elements' modules evaluate; importing the element packages registers them.
import { connectionPolicy, pageConfig } from './page-setup.js';
import '@s3-to-hf/s3-tree';
import '@s3-to-hf/hf-bucket-target';
import '@s3-to-hf/hf-import-job';
import { ImporterAppElement } from './app/importer-app-element.js';

ImporterAppElement.define();
const app = new ImporterAppElement();
app.config = pageConfig;
app.connectionPolicy = connectionPolicy;
app.framed = window.top !== window.self;
const root = document.getElementById('app');
root?.replaceChildren(app);
root?.removeAttribute('aria-busy');
