// The Kusto language worker: the Bridge.NET runtime must load before the language service.
import '@kusto/language-service/bridge.min';
import '@kusto/monaco-kusto/release/esm/kusto.worker';
