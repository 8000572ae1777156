// GET /api/whoami-v2.
import { sendJson } from './http-utils.mjs';
import { authenticate } from './permissions.mjs';
import { whoAmI } from './whoami.mjs';

/**
 * Adds GET /api/whoami-v2 to the router.
 * @param {ReturnType<typeof import('./router.mjs').createRouter>} router
 * @param {import('./emulator-state.mjs').EmulatorState} state
 */
export function registerAccountRoutes(router, state) {
  router.add('GET', '/api/whoami-v2', (ctx) => {
    const principal = /** @type {import('./permissions.mjs').Principal} */ (authenticate(ctx.req, state.accounts, { required: true }));
    sendJson(ctx.res, 200, whoAmI(principal, state.accounts, state.url));
  });
}
