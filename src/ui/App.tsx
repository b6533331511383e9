import { Header } from './Header';
import { LiveRegion } from './common/LiveRegion';
import { Notices } from './common/Notices';
import { MembershipPanel } from './panels/MembershipPanel';
import { PlaybackBar } from './playback/PlaybackBar';
import { Topology } from './topology/Topology';

export function App() {
  return (
    <div className="app">
      <Header />
      <main className="main">
        <Topology />
        <MembershipPanel />
      </main>
      <PlaybackBar />
      <Notices />
      <LiveRegion />
    </div>
  );
}
