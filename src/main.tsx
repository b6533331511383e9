import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LazyMotion, MotionConfig } from 'framer-motion';
import { App } from './ui/App';
import { startEngine } from './worker/engineClient';
import { connectEngine } from './store/engine';
import { pushNotice } from './store/useSimStore';
import { startEmbed } from './embed/startEmbed';
import { useStoryStore } from './ui/story/storyStore';
import { provideMomentLink } from './ui/share/momentLink';
import './ui/theme.css';

const loadMotionFeatures = () => import('./ui/common/motionFeatures').then((m) => m.default);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Reads the deep link (the default scenario without one) and, in a frame, starts the embed API.
const embed = startEmbed();

createRoot(root).render(
  <StrictMode>
    <MotionConfig reducedMotion="user">
      {/* Animation features load in a chunk of their own; the first screen does not wait for them. */}
      <LazyMotion features={loadMotionFeatures} strict>
        <App />
      </LazyMotion>
    </MotionConfig>
  </StrictMode>,
);

embed.start();
provideMomentLink(embed.linkToNow);
// The learner's answers live in the guided player's UI store; the host page hears of each.
useStoryStore.subscribe((next, prev) => {
  if (next.answers !== prev.answers) embed.reportAnswers(prev.answers, next.answers);
});
startEngine()
  .then((client) => {
    // Before connectEngine: the embed API must see the first view to send `ready`.
    embed.connect(client);
    connectEngine(client);
  })
  .catch((err: unknown) => pushNotice('error', `The simulation could not start: ${err instanceof Error ? err.message : String(err)}. Reload the page.`));
