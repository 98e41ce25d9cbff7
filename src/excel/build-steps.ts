/** The steps a build reports as each one starts, in order; the pane shows them as they come. */
export const buildSteps = ["reading", "rating", "writing", "formatting", "done"] as const;

/** One step of a build. */
export type BuildStep = (typeof buildSteps)[number];
