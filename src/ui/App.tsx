// The main screen, diagram first. Wide: the diagram with the ladder and event log under it, and a
// rail on the right (node drawer, LUN, fault palette, membership). Narrow: the same panels as
// tabs. The playback bar stays at the bottom; the page keeps focus clear of it (scroll-padding).

import { Header } from './Header';
import { LiveRegion } from './common/LiveRegion';
import { Notices } from './common/Notices';
import { Pane, PanelTabs } from './common/PanelTabs';
import { NARROW_QUERY, useMediaQuery } from './common/useMediaQuery';
import { useStickyInsets } from './common/useStickyInsets';
import { NodeDrawer } from './drawer/NodeDrawer';
import { Ladder } from './ladder/Ladder';
import { EventLog } from './log/EventLog';
import { ScenarioLoader } from './load/ScenarioLoader';
import { LunPanel } from './lun/LunPanel';
import { FaultPalette } from './palette/FaultPalette';
import { MembershipPanel } from './panels/MembershipPanel';
import { PlaybackBar } from './playback/PlaybackBar';
import { LibraryPicker } from './story/LibraryPicker';
import { showPanel } from '../store/useSimStore';
import { StoryPanel } from './story/StoryPanel';
import { showHome, useStoryStore } from './story/storyStore';
import { Topology } from './topology/Topology';

export function App() {
  const tabbed = useMediaQuery(NARROW_QUERY);
  const playbackRef = useStickyInsets();
  const home = useStoryStore((s) => s.home);
  return (
    <div className={`app ${tabbed ? 'tabbed' : 'wide'}`}>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // Focus the simulation without touching the URL: its hash is the deep link.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to the simulation
      </a>
      <Header />
      {tabbed && !home && <PanelTabs />}
      <Notices />
      {home ? (
        <main className="main home" id="main" tabIndex={-1}>
          <LibraryPicker
            home
            onChosen={() => {
              // The story panel sits on the diagram tab on phones.
              showPanel('diagram');
              useStoryStore.setState({ focusOnStart: true });
              showHome(false);
            }}
          />
        </main>
      ) : (
        <main className="main" id="main" tabIndex={-1}>
          <Pane id="diagram" tabbed={tabbed}>
            {tabbed && <StoryPanel />}
            <Topology />
            {tabbed && <MembershipPanel />}
          </Pane>
          <div className="rail">
            {!tabbed && <StoryPanel />}
            <Pane id="node" tabbed={tabbed}>
              <NodeDrawer />
            </Pane>
            <Pane id="lun" tabbed={tabbed}>
              <LunPanel />
            </Pane>
            <Pane id="faults" tabbed={tabbed}>
              <FaultPalette />
            </Pane>
            {!tabbed && <MembershipPanel />}
          </div>
          <div className="lower">
            <Pane id="ladder" tabbed={tabbed}>
              <Ladder />
            </Pane>
            <Pane id="log" tabbed={tabbed}>
              <EventLog />
            </Pane>
          </div>
        </main>
      )}
      {!home && <PlaybackBar ref={playbackRef} />}
      <LiveRegion />
      <ScenarioLoader />
    </div>
  );
}
