// axe-core in headless Chromium (Debian's, through puppeteer-core): the page's accessibility
// violations as JSON on stdout, one {id, help, targets} per rule broken.
// Usage: node axe.js PAGE.html
const path = require("path");
const puppeteer = require("puppeteer-core");
const axeSource = require("fs").readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND"],
  });
  try {
    const page = await browser.newPage();
    await page.goto("file://" + path.resolve(process.argv[2]), { waitUntil: "load" });
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => axe.run(document, { resultTypes: ["violations"] }));
    const found = result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
    process.stdout.write(JSON.stringify(found));
  } finally {
    await browser.close();
  }
})().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err));
  process.exit(1);
});
