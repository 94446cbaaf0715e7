/** The console's one HTML page; the script renders everything else. No inline script, so the CSP can forbid it. */
export const CONSOLE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>OpenAI Admin · Slack playground</title>
<link rel="stylesheet" href="/console.css">
<script type="module" src="/console.js"></script>
</head>
<body>
<div id="root"><p class="boot">Loading the playground…</p></div>
<noscript>The playground console needs JavaScript.</noscript>
</body>
</html>
`;

/** Headers for the page and its assets: nothing from elsewhere, no inline script, no framing. */
export const CONSOLE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
} as const;
