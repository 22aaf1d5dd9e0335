// A small KQL text scanner: enough to know which characters are code (not inside a string
// literal or a comment) and how deeply parenthesized they are. The rewriting modules use it to
// find top-level pipes and statement ends without a full parser.

// Calls visit(i, depth) for each code character of `text`; returns nothing.
export function forEachCodeChar(text, visit) {
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      i = skipString(text, i, c, text[i - 1] === '@');
      continue;
    }
    if (c === '`' && text.startsWith('```', i)) {
      const end = text.indexOf('```', i + 3);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    visit(i, depth);
    i++;
  }
}

// Index just past the string literal that starts at `start`. Verbatim (@"...") strings have no
// escapes; a doubled quote stands for one quote in them.
function skipString(text, start, quote, verbatim) {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (!verbatim && c === '\\') {
      i += 2;
      continue;
    }
    if (c === quote) {
      if (verbatim && text[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    if (c === '\n' && !verbatim) return i; // unterminated: stop at the line end
    i++;
  }
  return i;
}

// The text with comments removed and string literals replaced by spaces of the same length,
// so regular expressions over it see only code at the original offsets.
export function codeOnly(text) {
  const out = Array.from(text, (ch) => (ch === '\n' ? '\n' : ' '));
  forEachCodeChar(text, (i) => {
    out[i] = text[i];
  });
  return out.join('');
}

// Offsets of the top-level `|` characters (outside strings, comments and parentheses).
export function topLevelPipes(text) {
  const pipes = [];
  forEachCodeChar(text, (i, depth) => {
    if (text[i] === '|' && depth === 0) pipes.push(i);
  });
  return pipes;
}
