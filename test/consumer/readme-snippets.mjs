/**
 * The README's code fences by language: ```ts (compiled in a plain app), ```tsx (React) and
 * ```vue (a Vue single-file component). Other fences (sh, html, js) are not compiled.
 * @param {string} markdown
 * @returns {{ ts: string[], tsx: string[], vue: string[] }}
 */
export function readmeSnippets(markdown) {
  const found = { ts: [], tsx: [], vue: [] };
  for (const [, lang, body] of markdown.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm)) {
    if (lang in found) found[lang].push(body);
  }
  return found;
}
