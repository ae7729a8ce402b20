/**
 * Removes every leading and/or trailing character that is in `characters`, in time linear in the text's length.
 * Stands in for `/^x+|x+$/` and `/x+$/`, which backtrack quadratically on a long run of `x` followed by anything else.
 */
export function trimCharacters(text: string, characters: string, where: 'start' | 'end' | 'both' = 'both'): string {
  let start = 0;
  let end = text.length;
  if (where !== 'end') while (start < end && characters.includes(text[start])) start++;
  if (where !== 'start') while (end > start && characters.includes(text[end - 1])) end--;
  return text.slice(start, end);
}
