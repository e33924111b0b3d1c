import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './shell/bridge.js';

// Sandboxed preload: only `electron` may be required, so this file and its imports must stay free of
// zod and Node modules; the build bundles it into one CommonJS file.
contextBridge.exposeInMainWorld('rapport', createBridge(ipcRenderer));
