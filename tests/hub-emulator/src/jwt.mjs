// RS256 id_tokens for the OpenID flow, with the public key published as a JWKS. The key pair is made
// on first use so emulators that never run OAuth never pay for RSA key generation.
import { generateKeyPairSync, sign } from 'node:crypto';

const KEY_ID = 'hub-emulator-1';

function base64url(value) {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** Creates the signer of id_tokens (RS256) and its JWKS. */
export function createJwtSigner() {
  /** @type {import('node:crypto').KeyPairKeyObjectResult | undefined} */
  let keys;
  const keyPair = () => (keys ??= generateKeyPairSync('rsa', { modulusLength: 2048 }));
  return {
    /** @param {Record<string, unknown>} claims */
    sign(claims) {
      const signingInput = `${base64url({ alg: 'RS256', typ: 'JWT', kid: KEY_ID })}.${base64url(claims)}`;
      const signature = sign('sha256', Buffer.from(signingInput), keyPair().privateKey);
      return `${signingInput}.${signature.toString('base64url')}`;
    },
    /** The JSON Web Key Set that verifies the id_tokens. */
    jwks() {
      const jwk = keyPair().publicKey.export({ format: 'jwk' });
      return { keys: [{ ...jwk, kid: KEY_ID, alg: 'RS256', use: 'sig' }] };
    },
  };
}
