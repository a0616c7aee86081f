// Builds the renderer once before the browser tests when the sources are newer than the build.
import { buildRenderer, isRendererStale } from './build-renderer';

export default async function setup(): Promise<void> {
  if (isRendererStale()) await buildRenderer();
}
