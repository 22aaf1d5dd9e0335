// Which statement runs: like Kusto's editors, blocks of text separated by blank lines are
// separate queries, and Shift+Enter / Ctrl+Enter run the block the cursor is in.

const isBlank = (line) => line.trim() === '';

// The block around 1-based `cursorLine`: { text, startLine, endLine } (1-based, inclusive).
// On a blank line it takes the nearest block above, else the one below; null if there is none.
export function statementAt(text, cursorLine) {
  const lines = text.split('\n');
  let at = Math.min(Math.max(cursorLine - 1, 0), lines.length - 1);
  if (isBlank(lines[at])) {
    let up = at;
    while (up >= 0 && isBlank(lines[up])) up--;
    if (up >= 0) at = up;
    else {
      let down = at;
      while (down < lines.length && isBlank(lines[down])) down++;
      if (down >= lines.length) return null;
      at = down;
    }
  }
  let start = at;
  while (start > 0 && !isBlank(lines[start - 1])) start--;
  let end = at;
  while (end < lines.length - 1 && !isBlank(lines[end + 1])) end++;
  return { text: lines.slice(start, end + 1).join('\n'), startLine: start + 1, endLine: end + 1 };
}
