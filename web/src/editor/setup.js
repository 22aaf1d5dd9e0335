// The KQL editor: Monaco with the Kusto language (completion, hover docs, diagnostics) fed the
// workspace schema, plus markers for the errors the server reports.
import * as monaco from 'monaco-editor/esm/vs/editor/edcore.main';
import { getKustoWorker } from '@kusto/monaco-kusto';
import kustoWorkerUrl from './kustoWorker.js?worker&url';
import editorWorkerUrl from './editorWorker.js?worker&url';

self.MonacoEnvironment = {
  getWorker(_moduleId, label) {
    return new Worker(label === 'kusto' ? kustoWorkerUrl : editorWorkerUrl, { type: 'module' });
  },
};

const SERVER_MARKERS = 'huntdb';

export function createEditor(element, { theme, onRun }) {
  const editor = monaco.editor.create(element, {
    value: '',
    language: 'kusto',
    theme: theme === 'dark' ? 'kusto-dark' : 'kusto-light',
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    scrollBeyondLastLine: false,
    wordWrap: 'on',
    fixedOverflowWidgets: true,
    ariaLabel: 'KQL query editor',
    tabFocusMode: false,
    suggest: { showStatusBar: true },
  });
  // Ctrl+Enter and Shift+Enter run the statement under the cursor, as in Kusto's editors.
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => onRun());
  editor.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => onRun());
  return editor;
}

export function createModel(text) {
  return monaco.editor.createModel(text, 'kusto');
}

export function setEditorTheme(theme) {
  monaco.editor.setTheme(theme === 'dark' ? 'kusto-dark' : 'kusto-light');
}

// Hands the `.show schema as json` document to the language service of every Kusto model.
export async function setSchema(model, showSchema, clusterUri, database) {
  const accessor = await getKustoWorker();
  const worker = await accessor(model.uri);
  await worker.setSchemaFromShowSchema(showSchema, clusterUri, database);
}

// Shows a server error at its line:col (relative to the statement that ran, which starts at
// `firstLine` of the model). Without a position the whole first line of the statement is marked.
export function showServerError(model, error, firstLine = 1) {
  const line = error.line ? error.line + firstLine - 1 : firstLine;
  const lineCount = model.getLineCount();
  const l = Math.min(Math.max(line, 1), lineCount);
  const maxCol = model.getLineMaxColumn(l);
  const col = error.line ? Math.min(Math.max(error.col || 1, 1), maxCol) : 1;
  const word = model.getWordAtPosition({ lineNumber: l, column: col });
  let endCol = error.length ? col + error.length : word ? word.endColumn : col + 1;
  if (!error.line) endCol = maxCol;
  endCol = Math.min(Math.max(endCol, col + 1), Math.max(maxCol, col + 1));
  monaco.editor.setModelMarkers(model, SERVER_MARKERS, [
    {
      severity: monaco.MarkerSeverity.Error,
      message: error.message,
      startLineNumber: l,
      startColumn: col,
      endLineNumber: l,
      endColumn: endCol,
    },
  ]);
}

export function clearServerErrors(model) {
  monaco.editor.setModelMarkers(model, SERVER_MARKERS, []);
}

export { monaco };
