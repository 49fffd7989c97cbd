/** The layout worker: settles the open map off the page's thread and streams its coordinates. */
import { LayoutEngine } from './layout-engine.ts';
import type { LayoutRequest } from './layout-messages.ts';

// The coordinates are handed over, not copied: the engine never touches a published array again.
const engine = new LayoutEngine((update) => self.postMessage(update, { transfer: [update.coordinates.buffer] }));
self.onmessage = (event: MessageEvent<LayoutRequest>) => engine.handle(event.data);
