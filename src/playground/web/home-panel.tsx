import { Blocks } from './block-kit/blocks.js';
import { type Surface, SurfaceContext } from './block-kit/surface.js';
import type { ViewRecord } from './types.js';

/** The app's Home tab for the person acting: what the bot last published for them. */
export function HomePanel({ home, surface }: { home: ViewRecord | undefined; surface: Surface | undefined }) {
  return (
    <section id="app-panel" role="tabpanel" aria-labelledby="tab-home" class="home">
      {home && surface ? (
        <SurfaceContext.Provider value={surface}>
          <Blocks blocks={home.view.blocks} />
        </SurfaceContext.Provider>
      ) : (
        <p class="empty">Opening Home…</p>
      )}
    </section>
  );
}
