// Server only: where Waply is and the key for it. Nothing here reaches the browser (the page
// imports it in a server component, the proxy in a route handler).
export function waplyUpstream(): { baseUrl: string; apiKey: string } {
  const apiKey = process.env.WAPLY_API_KEY;
  if (!apiKey) throw new Error('Set WAPLY_API_KEY (and WAPLY_BASE_URL for anything but https://api.waply.io/v1).');
  return { baseUrl: (process.env.WAPLY_BASE_URL ?? 'https://api.waply.io/v1').replace(/\/+$/, ''), apiKey };
}
