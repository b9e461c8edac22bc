import { InputPathToUrlTransformPlugin } from "@11ty/eleventy";

export default function (eleventyConfig) {
	eleventyConfig.addPlugin(InputPathToUrlTransformPlugin);
}

export const config = {
	dir: {
		input: "src",
		includes: "../_includes",
	},
};
