import type { FastifyReply } from 'fastify';
import type { SignInAccount } from '../store/oauth.js';

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1a1b1e}
ul{list-style:none;padding:0}li{margin:.5rem 0}form{display:flex;gap:.75rem;align-items:center}
button{font:inherit;padding:.5rem 1rem;border:1px solid #1864ab;background:#1864ab;color:#fff;border-radius:4px;cursor:pointer}
button:focus-visible{outline:3px solid #f08c00;outline-offset:2px}.role{color:#495057}`;

function htmlDocument(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export function errorPage(message: string): string {
  return htmlDocument(
    'Sign-in error · Spark emulator',
    `<h1>Sign-in error</h1><p>${escapeHtml(message)}</p><p>No one was signed in.</p>`,
  );
}

const roleLabel: Record<string, string> = {
  Private: 'Private (agent)',
  VOW: 'VOW (consumer)',
  Portal: 'Portal (consumer)',
  IDX: 'IDX',
  Public: 'Public',
};

export function authorizePage(input: {
  action: string;
  fields: Record<string, string>;
  accounts: SignInAccount[];
}): string {
  const hidden = Object.entries(input.fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
  const items = input.accounts
    .map((a) => {
      const role = `<span class="role">${escapeHtml(roleLabel[a.role] ?? a.role)}</span>`;
      if (a.disabled) {
        return `<li><p>${escapeHtml(a.name)} ${role}: cannot sign in, the portal account is disabled.</p></li>`;
      }
      return `<li><form method="post" action="${escapeHtml(input.action)}">${hidden}
<input type="hidden" name="account" value="${escapeHtml(a.id)}">
<button type="submit">Sign in as ${escapeHtml(a.name)}</button>
${role}</form></li>`;
    })
    .join('\n');
  return htmlDocument(
    'Sign in · Spark emulator',
    `<h1>Sign in to the Spark emulator</h1>
<p>Choose a demo user. The application will receive access to the Spark API as that user.</p>
<ul>${items}</ul>`,
  );
}

export function sendHtml(reply: FastifyReply, status: number, html: string, formTarget?: string) {
  const formAction = formTarget ? `'self' ${new URL(formTarget).origin}` : "'self'";
  return reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .header(
      'Content-Security-Policy',
      `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    )
    .type('text/html; charset=utf-8')
    .send(html);
}
