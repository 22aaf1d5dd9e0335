// Monaco's generic editor worker (diffs, links, word completion).
import 'monaco-editor/esm/vs/editor/editor.worker';
