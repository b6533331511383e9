import { Header } from './Header';
import { LiveRegion } from './common/LiveRegion';
import { Notices } from './common/Notices';
import { Ladder } from './ladder/Ladder';
import { EventLog } from './log/EventLog';
import { LunPanel } from './lun/LunPanel';
import { MembershipPanel } from './panels/MembershipPanel';
import { PlaybackBar } from './playback/PlaybackBar';
import { Topology } from './topology/Topology';

export function App() {
  return (
    <div className="app">
      <Header />
      <main className="main">
        <Topology />
        <div className="side">
          <LunPanel />
          <MembershipPanel />
        </div>
        <Ladder />
        <EventLog />
      </main>
      <PlaybackBar />
      <Notices />
      <LiveRegion />
    </div>
  );
}
