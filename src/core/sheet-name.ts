/**
 * Excel's rules for a worksheet's name (support.microsoft.com, "Rename a worksheet"): not blank,
 * at most 31 characters, none of : \ / ? * [ ], not beginning or ending with an apostrophe, and
 * not "History", a name Excel reserves. Checked before Excel is asked, so a bad name gets a
 * sentence instead of a refused request.
 */

/** The longest sheet name Excel accepts. */
export const maxSheetNameLength = 31;

/** Why Excel would refuse `name` as a sheet name, in a sentence; null when it would accept it. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim().length === 0) return "A sheet name cannot be blank.";
  if (name.length > maxSheetNameLength) return `A sheet name can have at most ${maxSheetNameLength} characters; "${name}" has ${name.length}.`;
  const bad = /[:\\/?*[\]]/.exec(name);
  if (bad) return `A sheet name cannot contain ${bad[0]} (nor any of : \\ / ? * [ ]).`;
  if (name.startsWith("'") || name.endsWith("'")) return "A sheet name cannot begin or end with an apostrophe.";
  if (name.toLowerCase() === "history") return `"History" is a name Excel keeps for itself.`;
  return null;
}
