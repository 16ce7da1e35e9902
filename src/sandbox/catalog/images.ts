/** Locally generated product images: deterministic SVGs, no network. */
import {fold, hash} from './text.js';

const PALETTE = ['#0f5fd7', '#d7430f', '#2e8b57', '#8a2be2', '#c71585', '#b8860b', '#008b8b', '#4b5563'];

/** Background colours for colour words found in the file name (`…-azul.svg`). */
const NAMED: Record<string, string> = {
  azul: '#1e5bc6',
  preto: '#1f2937',
  branco: '#e5e7eb',
  vermelho: '#c62828',
  verde: '#2e7d32',
  cinza: '#6b7280',
  amarelo: '#f2b705',
  rosa: '#e06c9f',
};

/** Path pattern: `/arquivos/ids/{imageId}[-{width}-{height}]/{name}`. */
const IMAGE_PATH = /^\/arquivos\/ids\/(\d+)(?:-(\d+)-(\d+))?\/([^/]+)$/;

export function imageResponse(pathname: string): Response | undefined {
  const m = IMAGE_PATH.exec(pathname);
  if (!m) return undefined;
  const imageId = m[1] ?? '0';
  const width = clamp(Number(m[2] ?? 500));
  const height = clamp(Number(m[3] ?? 500));
  const name = decodeURIComponent(m[4] ?? '').replace(/\.[a-z0-9]+$/i, '');
  const svg = renderSvg(imageId, name, width, height);
  return new Response(svg, {
    status: 200,
    headers: {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: `"${imageId}-${hash(svg).toString(16)}"`,
    },
  });
}

function clamp(n: number): number {
  return Number.isFinite(n) ? Math.min(2000, Math.max(16, Math.round(n))) : 500;
}

/** SVG with a coloured background, a simple shape and the product initials (letters/digits only). */
export function renderSvg(imageId: string, name: string, width = 500, height = 500): string {
  const parts = fold(name)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  const colorWord = parts.find((p) => p in NAMED);
  const h = hash(imageId);
  const bg = (colorWord && NAMED[colorWord]) ?? PALETTE[h % PALETTE.length] ?? '#4b5563';
  const fg = colorWord === 'branco' || colorWord === 'amarelo' ? '#111827' : '#ffffff';
  const initials = parts
    .filter((p) => !/^\d/.test(p) && p.length > 2)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase() ?? '')
    .join('');
  const shape =
    h % 3 === 0
      ? '<circle cx="250" cy="250" r="150" fill-opacity="0.18" fill="#fff"/>'
      : h % 3 === 1
        ? '<rect x="110" y="110" width="280" height="280" rx="40" fill-opacity="0.18" fill="#fff"/>'
        : '<polygon points="250,80 420,400 80,400" fill-opacity="0.18" fill="#fff"/>';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 500 500" ` +
    `role="img" aria-label="${initials || 'Produto'}">` +
    `<rect width="500" height="500" fill="${bg}"/>${shape}` +
    `<text x="250" y="250" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" ` +
    `font-size="140" font-weight="700" fill="${fg}">${initials || '?'}</text></svg>`
  );
}
