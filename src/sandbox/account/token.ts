/** HMAC-SHA256 signed, JWT-shaped user tokens (VTEX ID style) via Web Crypto. */
import {fromBase64Url, toBase64Url, utf8} from '../http.js';

export const TOKEN_TTL_SECONDS = 86_400;

export interface TokenClaims {
  sub: string;
  account: string;
  audience: 'webstore';
  userId: string;
  iat: number;
  exp: number;
  iss: 'sandbox-vtexid';
}

export interface TokenService {
  sign(email: string, userId: string): Promise<string>;
  /** Claims of a valid, unexpired token; undefined otherwise. */
  verify(token: string | undefined | null): Promise<TokenClaims | undefined>;
}

export function createTokenService(account: string, now: () => number, secret?: Uint8Array): TokenService {
  const raw = secret ?? crypto.getRandomValues(new Uint8Array(32));
  const keyPromise = crypto.subtle.importKey(
    'raw',
    raw as Uint8Array<ArrayBuffer>,
    {name: 'HMAC', hash: 'SHA-256'},
    false,
    ['sign', 'verify'],
  );
  const header = toBase64Url(utf8(JSON.stringify({alg: 'HS256', typ: 'jwt'})));

  return {
    async sign(email, userId) {
      const iat = Math.floor(now() / 1000);
      const claims: TokenClaims = {
        sub: email.toLowerCase(),
        account,
        audience: 'webstore',
        userId,
        iat,
        exp: iat + TOKEN_TTL_SECONDS,
        iss: 'sandbox-vtexid',
      };
      const payload = toBase64Url(utf8(JSON.stringify(claims)));
      const sig = await crypto.subtle.sign(
        'HMAC',
        await keyPromise,
        utf8(`${header}.${payload}`) as Uint8Array<ArrayBuffer>,
      );
      return `${header}.${payload}.${toBase64Url(new Uint8Array(sig))}`;
    },
    async verify(token) {
      if (!token) return undefined;
      const parts = token.split('.');
      if (parts.length !== 3) return undefined;
      try {
        const ok = await crypto.subtle.verify(
          'HMAC',
          await keyPromise,
          fromBase64Url(parts[2]!) as Uint8Array<ArrayBuffer>,
          utf8(`${parts[0]}.${parts[1]}`) as Uint8Array<ArrayBuffer>,
        );
        if (!ok) return undefined;
        const claims = JSON.parse(new TextDecoder().decode(fromBase64Url(parts[1]!))) as TokenClaims;
        if (claims.account !== account || typeof claims.exp !== 'number') return undefined;
        if (claims.exp * 1000 <= now()) return undefined;
        return claims;
      } catch {
        return undefined;
      }
    },
  };
}
