import { defineConfig } from 'vitepress'

// the pages are docs/'s; docs/public/ is served at /
export default defineConfig({
  title: 'Example',
  srcDir: 'docs',
  markdown: {
    config(md) {
      md.use(() => {})
    }
  }
})
