// GET /avatars/:file: the avatar images whoami and userinfo point at (a coloured initial), so pages
// that show the signed-in user get a real image instead of a 404.
import { createHash } from 'node:crypto';
import { HttpError } from './http-error.mjs';
import { baseHeaders } from './http-utils.mjs';

const escapeXml = (text) => text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * Adds the avatar route to the router.
 * @param {ReturnType<typeof import('./router.mjs').createRouter>} router
 * @param {import('./emulator-state.mjs').EmulatorState} state
 */
export function registerAvatarRoutes(router, state) {
  router.add('GET', '/avatars/:file', (ctx) => {
    const name = ctx.params.file.replace(/\.svg$/, '');
    if (!ctx.params.file.endsWith('.svg') || !(state.accounts.users[name] || state.accounts.orgs[name])) {
      throw new HttpError(404, `No avatar for "${ctx.params.file}"`);
    }
    const hue = createHash('sha256').update(name).digest()[0] * (360 / 256);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="hsl(${hue.toFixed(0)} 60% 45%)"/><text x="32" y="43" font-family="sans-serif" font-size="30" font-weight="700" fill="#fff" text-anchor="middle">${escapeXml(name.slice(0, 1).toUpperCase())}</text></svg>`;
    ctx.res.writeHead(200, { ...baseHeaders(), 'Content-Type': 'image/svg+xml', 'Content-Length': Buffer.byteLength(svg), 'Cache-Control': 'max-age=3600' });
    ctx.res.end(svg);
  });
}
