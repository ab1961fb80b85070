import { app } from 'electron';
import path from 'node:path';
import type { RendererSource } from './appUrl';

// The build puts main, preload and renderer side by side under out/, in the repo and in app.asar alike.
export const preloadFile = path.join(__dirname, '../preload/preload.js');

// A packaged app ignores the dev server variable, so the environment cannot point it at another page.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

export const rendererSource: RendererSource = devServerUrl
  ? { devServerUrl }
  : { indexFile: path.join(__dirname, '../renderer/index.html') };

/** Icons: shipped as extraResources when packaged, the repo's resources/ while developing. */
export const resourcesDir = app.isPackaged ? process.resourcesPath : path.join(__dirname, '../../resources');
