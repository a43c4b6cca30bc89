// The chain of sequential requests a page makes before its widget renders, from what started each
// request (Chromium's DevTools protocol: the parser of the document, or the script whose code asked
// for it) and Resource Timing.
//
// A request is one hop deeper than what started it: the document's own <link> and <script> are hop
// 1, the loader's read and import() of the build hop 2, a chunk the build imports hop 3. Counting
// instead "requests that started after another ended" (as this bench did until 2026-12) put
// siblings one after the other whenever the first finished quickly: the loader's read of a meeting
// often answered in 10 ms, before the import() it had started in the same task had gone out, and
// the load counted 3 hops for a chain of 2. A request whose starter the protocol does not name (a
// <link rel="modulepreload"> a script inserted shows "about:client") can only have been started by
// a script the page had run: it counts one hop after the deepest script that had ended when it
// started (never after a read that merely happened to end first).

/**
 * Records, from the CDP session's Network events, who started each request: url → the url of the
 * document or script that asked for it (the innermost script frame with a url), or undefined.
 */
export async function recordInitiators(cdp) {
  const initiators = new Map();
  cdp.on("Network.requestWillBeSent", ({ request, initiator }) => {
    if (initiators.has(request.url)) return;
    const frame = initiator.stack?.callFrames.find((f) => f.url);
    const by = initiator.type === "parser" || (initiator.type === "script" && initiator.url) ? initiator.url : frame?.url;
    initiators.set(request.url, by && by !== "about:client" ? by : undefined);
  });
  await cdp.send("Network.enable");
  return initiators;
}

/**
 * The longest chain among Resource Timing `entries` (name, startTime, responseEnd, initiatorType) of a page at
 * `documentUrl`, with `initiators` from recordInitiators: its length in hops (the HTML is hop 0)
 * and its requests, first to last.
 */
export function sequentialHops(entries, initiators, documentUrl) {
  const sorted = [...entries].sort((a, b) => a.startTime - b.startTime);
  const byName = new Map(sorted.map((e) => [e.name, e]));
  const depth = new Map();
  const parent = new Map();
  // In order of start: whatever started a request (or ran before it) has its depth already.
  for (const e of sorted) {
    const by = initiators.get(e.name);
    const starter = by && by !== documentUrl ? byName.get(by) : undefined;
    let d = 1;
    let from;
    if (starter && depth.has(starter)) [d, from] = [depth.get(starter) + 1, starter];
    else if (by !== documentUrl) {
      for (const p of sorted) if (p.initiatorType === "script" && depth.has(p) && p.responseEnd <= e.startTime + 1 && depth.get(p) + 1 > d) [d, from] = [depth.get(p) + 1, p];
    }
    depth.set(e, d);
    parent.set(e, from);
  }
  let deepest;
  for (const e of sorted) if (!deepest || depth.get(e) > depth.get(deepest)) deepest = e;
  const chain = [];
  for (let e = deepest; e; e = parent.get(e)) chain.unshift(e.name);
  return { hops: deepest ? depth.get(deepest) : 0, chain };
}
