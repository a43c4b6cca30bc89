// Any petition on the demo partner page: /campaign.html?petition=<slug> (default: the CT funding gap).
const slug = new URLSearchParams(location.search).get("petition") || "ct-funding-gap";
for (const el of document.querySelectorAll("ck-petition")) el.setAttribute("petition", slug);
