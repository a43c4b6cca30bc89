// Extra petitions the widget tests need beside the CT seed.
const consent = {
  coalition: { text: "Yes, the coalition may email me.", version: "t1" },
  partner: { text: "Yes, {partner} may email me.", version: "t1" },
  guardian: { text: "I am this student's parent or guardian and I agree.", version: "t1" },
};

export const TEST_PETITIONS = [
  { slug: "closed-petition", title: "A petition that already closed", body: "It closed.", target: "Nobody", goal: 100, status: "closed", consent },
  { slug: "adults-only", title: "No age question here", body: "For adults.", target: "The board", goal: 0, askAgeBand: false, consent },
];

export const XSS = `<img src=x onerror="window.__ckXss=1"><script>window.__ckXss=1</script>`;
TEST_PETITIONS.push({
  slug: "xss-petition",
  title: `Title ${XSS}`,
  body: `Body ${XSS}`,
  target: `Target ${XSS}`,
  goal: 10,
  consent: { ...consent, coalition: { text: `Consent ${XSS}`, version: "t1" } },
});
