import type { RapportBridge } from './api/bridge.js';

declare global {
  interface Window {
    /** Present only inside the Electron shell (set by the preload); the browser panel uses HTTP. */
    readonly rapport?: RapportBridge;
  }
}

export {};
