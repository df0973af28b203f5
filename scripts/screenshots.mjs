// The README's screenshots (docs/screenshots/): the default programme on a phone (360 × 740) and
// on a laptop (1280 × 800), light and dark, from the built site (run `make build` first).
//   node scripts/screenshots.mjs
import fs from 'node:fs'
import path from 'node:path'
import { DIST, REPO, DESKTOP, PHONE, startServer, launchBrowser } from '../tests/e2e/lib.mjs'

const OUT = path.join(REPO, 'docs', 'screenshots')
fs.mkdirSync(OUT, { recursive: true })
if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: run make build first`)
const server = await startServer({ '/': DIST })
const { browser } = await launchBrowser()
try {
  for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, locale: 'fr-FR', timezoneId: 'Europe/Paris' })
      const page = await context.newPage()
      await page.goto(server.url)
      await page.locator('article.agenda-session').first().waitFor()
      await page.waitForTimeout(500)
      const file = path.join(OUT, `${name}-${scheme}.png`)
      await page.screenshot({ path: file })
      console.log(path.relative(REPO, file))
      await context.close()
    }
  }
} finally {
  await browser.close()
  await server.close()
}
