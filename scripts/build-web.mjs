// Builds the web app (src/web/) into dist/web/: one bundled app.js (d3-force and the UI strings included, so
// nothing is fetched from another host), app.css and index.html. Usable as a script or imported by the tests.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export async function buildWeb({ outdir = join(root, "dist/web"), minify = true } = {}) {
  // copy-data.mjs and a tsc run without the exclude can leave src/web files here; the folder is this build's only
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [join(root, "src/web/main.ts")],
    outfile: join(outdir, "app.js"),
    bundle: true,
    format: "esm",
    target: ["es2022"],
    minify,
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
  });
  copyFileSync(join(root, "src/web/app.css"), join(outdir, "app.css"));
  copyFileSync(join(root, "src/web/index.html"), join(outdir, "index.html"));
  return outdir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildWeb();
  process.stdout.write(`web app built into ${out}\n`);
}
