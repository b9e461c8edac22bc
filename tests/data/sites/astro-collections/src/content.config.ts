import { glob } from "astro/loaders"
import { z } from "astro/zod"
import { defineCollection } from "astro:content"

const blog = defineCollection({
  loader: glob({ base: "./src/content/blog", pattern: "*.md" }),
  schema: z.object({ title: z.string(), excerpt: z.string(), date: z.date() }),
})

export const collections = { blog }
