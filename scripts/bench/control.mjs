/**
 * The control for the Lighthouse figures: a page with nothing to optimise, measured on the same
 * machine with the same browser. What it loses is the machine's and the browser's, not the site's.
 */
import http from "node:http";
import { runLighthouse } from "./measure.mjs";

/** Filler of about an article paragraph's length; the words do not matter. */
const PARAGRAPH =
  "This paragraph is here to be painted. It has no styles, no web font and no script behind it, so whatever Lighthouse holds against this page is the cost of the machine, the browser and the network, which every page on the site pays as well.";

/** Static HTML only: a title, a description and a few paragraphs; no CSS, fonts or scripts. */
const CONTROL_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Control page</title>
<meta name="description" content="A static page with nothing to optimise, for the benchmark.">
</head>
<body>
<main>
<h1>The control page</h1>
${Array.from({ length: 6 }, () => `<p>${PARAGRAPH}</p>`).join("\n")}
</main>
</body>
</html>
`;

/** Lighthouse's runs on the control page, served from a throwaway server on `port`. */
export async function lighthouseControl(port) {
  const server = http.createServer((request, response) => {
    if (request.url === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(CONTROL_PAGE);
    } else {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("Not found");
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  try {
    return await runLighthouse(`http://localhost:${port}/`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
